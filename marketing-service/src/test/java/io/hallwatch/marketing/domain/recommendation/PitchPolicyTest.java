package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.hall.HallLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.hallwatch.marketing.domain.recommendation.Fixtures.DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PitchPolicyTest {

    private final PitchPolicy policy = new PitchPolicy(new PitchSettings(20, 10, 120));

    @Test
    void a_quiet_hall_gets_the_full_script_and_the_demo() {
        Pitch p = policy.pitch(DATA, new HallLoad(3, 8), false).orElseThrow();
        assertEquals(PitchForm.FULL, p.form());
        assertEquals(DATA.fullScript(), p.text());
        assertEquals(DATA.demoStep(), p.demoStep());
        assertEquals(120, p.timeBudgetSeconds());
    }

    @Test
    void a_busy_hall_gets_one_sentence_and_a_time_budget() {
        Pitch p = policy.pitch(DATA, new HallLoad(8, 8), false).orElseThrow();
        assertEquals(PitchForm.SHORT, p.form());
        assertEquals(DATA.shortPitch(), p.text());
        assertNull(p.demoStep());
        assertEquals(20, p.timeBudgetSeconds());
    }

    @ParameterizedTest
    @CsvSource({"0,8,FULL", "7,8,FULL", "8,8,SHORT", "30,8,SHORT", "1,1,SHORT", "0,1,FULL", "14,15,FULL", "15,15,SHORT"})
    void the_threshold_decides_the_form(int waiting, int threshold, PitchForm form) {
        assertEquals(form, policy.pitch(DATA, new HallLoad(waiting, threshold), false).orElseThrow().form());
    }

    @ParameterizedTest
    @CsvSource({"8,20", "10,16", "12,13", "16,10", "20,10", "100,10"})
    void the_more_wait_the_shorter_the_sentence_may_take(int waiting, int seconds) {
        assertEquals(seconds, policy.pitch(DATA, new HallLoad(waiting, 8), false).orElseThrow().timeBudgetSeconds());
    }

    @Test
    void the_budget_never_grows_with_the_queue() {
        int previous = Integer.MAX_VALUE;
        for (int waiting = 8; waiting < 200; waiting++) {
            int budget = policy.pitch(DATA, new HallLoad(waiting, 8), false).orElseThrow().timeBudgetSeconds();
            assertTrue(budget <= previous && budget >= 10, "at " + waiting);
            previous = budget;
        }
    }

    @Test
    void a_customer_who_waited_too_long_in_a_busy_hall_is_not_pitched() {
        assertTrue(policy.pitch(DATA, new HallLoad(12, 8), true).isEmpty());
    }

    @Test
    void a_customer_who_waited_too_long_in_a_quiet_hall_hears_one_sentence_at_most() {
        Pitch p = policy.pitch(DATA, new HallLoad(2, 8), true).orElseThrow();
        assertEquals(PitchForm.SHORT, p.form());
        assertEquals(20, p.timeBudgetSeconds());
        assertNull(p.demoStep());
    }

    @Test
    void settings_and_load_must_make_sense() {
        assertThrows(IllegalArgumentException.class, () -> new PitchSettings(5, 10, 120));
        assertThrows(IllegalArgumentException.class, () -> new PitchSettings(20, 0, 120));
        assertThrows(IllegalArgumentException.class, () -> new PitchSettings(20, 10, 15));
        assertThrows(IllegalArgumentException.class, () -> new HallLoad(-1, 8));
        assertThrows(IllegalArgumentException.class, () -> new HallLoad(3, 0));
    }
}
