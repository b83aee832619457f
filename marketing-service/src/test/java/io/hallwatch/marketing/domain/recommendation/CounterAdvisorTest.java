package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.customers.ContactHistory;
import io.hallwatch.marketing.domain.hall.HallLoad;
import io.hallwatch.marketing.domain.recovery.RecoveryGesture;
import io.hallwatch.marketing.domain.recovery.WaitBreach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.hallwatch.marketing.domain.recommendation.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterAdvisorTest {

    private final CounterAdvisor advisor = new CounterAdvisor(new NextBestOffer(RULES, ZONE),
            new PitchPolicy(new PitchSettings(20, 10, 120)));
    private static final WaitBreach LONG_WAIT = new WaitBreach(22 * 60 + 30, 15 * 60);

    @Test
    void a_quiet_hall_and_a_fitting_customer_give_the_full_pitch_and_no_recovery() {
        CounterAdvice a = advisor.advise(heavyDataUser(), ContactHistory.empty(), "PAYMENT", CATALOGUE,
                new HallLoad(2, 8), Optional.empty(), RecoveryGesture.DATA_GIFT, NOW);
        assertTrue(a.recoveryFirst().isEmpty());
        assertEquals("DATA-10G", a.offer().offer().code());
        assertEquals(PitchForm.FULL, a.pitch().form());
        assertNull(a.noOfferReason());
        assertFalse(a.empty());
    }

    @Test
    void a_long_wait_in_a_busy_hall_gives_the_apology_and_no_pitch() {
        CounterAdvice a = advisor.advise(heavyDataUser(), ContactHistory.empty(), "PAYMENT", CATALOGUE,
                new HallLoad(10, 8), Optional.of(LONG_WAIT), RecoveryGesture.DATA_GIFT, NOW);
        assertEquals(RecoveryGesture.DATA_GIFT, a.recovery().gesture());
        assertEquals(22, a.recovery().waitedMinutes());
        assertNull(a.offer());
        assertNull(a.pitch());
        assertEquals(NoOfferReason.RECOVERY_FIRST, a.noOfferReason());
    }

    @Test
    void a_long_wait_in_a_quiet_hall_gives_the_apology_then_one_sentence() {
        CounterAdvice a = advisor.advise(heavyDataUser(), ContactHistory.empty(), "PAYMENT", CATALOGUE,
                new HallLoad(1, 8), Optional.of(LONG_WAIT), RecoveryGesture.PRIORITY_TICKET_NEXT_VISIT, NOW);
        assertEquals(RecoveryGesture.PRIORITY_TICKET_NEXT_VISIT, a.recovery().gesture());
        assertEquals(PitchForm.SHORT, a.pitch().form());
    }

    @Test
    void an_opted_out_customer_who_waited_gets_the_apology_only() {
        CounterAdvice a = advisor.advise(optedOut(), ContactHistory.empty(), "PAYMENT", CATALOGUE,
                new HallLoad(1, 8), Optional.of(LONG_WAIT), RecoveryGesture.BILL_CREDIT, NOW);
        assertEquals(NoOfferReason.OPTED_OUT, a.noOfferReason());
        assertTrue(a.recoveryFirst().isPresent());
        assertFalse(a.empty());
    }

    @Test
    void nothing_to_say_is_empty() {
        CounterAdvice a = advisor.advise(optedOut(), ContactHistory.empty(), "PAYMENT", CATALOGUE,
                new HallLoad(1, 8), Optional.empty(), RecoveryGesture.BILL_CREDIT, NOW);
        assertTrue(a.empty());
        assertEquals(NoOfferReason.OPTED_OUT, a.noOfferReason());
        assertEquals(new HallLoad(1, 8), a.load());
    }
}
