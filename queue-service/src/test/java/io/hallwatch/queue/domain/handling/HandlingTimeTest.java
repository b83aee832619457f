package io.hallwatch.queue.domain.handling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandlingTimeTest {

    @Test
    void handling_time_starts_at_the_standards_limit_and_learns_from_services() {
        HandlingTime payment = HandlingTime.prior(120);
        assertEquals(120, payment.meanSeconds());
        HandlingTime learned = payment;
        for (int i = 0; i < 60; i++) {
            learned = learned.observe(60);
        }
        assertEquals(60, learned.meanSeconds(), 1.0);
        assertEquals(60, learned.samples());
    }

    @Test
    void one_stuck_service_does_not_wreck_the_mean() {
        HandlingTime mean = new HandlingTime(100, 50);
        assertTrue(mean.observe(100_000).meanSeconds() <= 100 + HandlingTime.ALPHA * 400 + 1e-9);
        assertEquals(mean, mean.observe(-5));
    }
}
