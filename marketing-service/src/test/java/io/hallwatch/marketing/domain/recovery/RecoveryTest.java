package io.hallwatch.marketing.domain.recovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryTest {

    @Test
    void the_apology_says_how_long_and_against_which_promise() {
        Recovery r = Recovery.forBreach(new WaitBreach(1_330, 900), RecoveryGesture.PRIORITY_TICKET_NEXT_VISIT);
        assertEquals(22, r.waitedMinutes());
        assertTrue(r.apologyZh().startsWith("让您久等了，非常抱歉！您等候了22分钟，超过了我们15分钟的服务承诺。"), r.apologyZh());
        assertTrue(r.apology().contains("22 minutes") && r.apology().contains("15-minute"), r.apology());
    }

    @ParameterizedTest
    @EnumSource(RecoveryGesture.class)
    void every_gesture_is_named_in_the_apology(RecoveryGesture gesture) {
        Recovery r = Recovery.forBreach(new WaitBreach(960, 900), gesture);
        assertTrue(r.apologyZh().contains(gesture.textZh()));
        assertTrue(r.apology().contains(gesture.text()));
        assertEquals(gesture, r.gesture());
    }

    @Test
    void a_breach_has_no_negative_durations() {
        assertThrows(IllegalArgumentException.class, () -> new WaitBreach(-1, 900));
        assertEquals(16, new WaitBreach(999, 900).waitedMinutes());
    }
}
