package io.hallwatch.queue.queue;

import io.hallwatch.queue.handling.HandlingTime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitEstimatorTest {

    @Test
    void the_next_in_line_waits_about_half_a_service() {
        assertEquals(1, WaitEstimator.estimateMinutes(0, 120, 1));
    }

    @Test
    void people_ahead_are_shared_among_open_counters() {
        // 4.5 services of 2 min at one counter: 9 min; at three counters: 3 min.
        assertEquals(9, WaitEstimator.estimateMinutes(4, 120, 1));
        assertEquals(3, WaitEstimator.estimateMinutes(4, 120, 3));
    }

    @Test
    void no_open_counter_counts_as_one() {
        assertEquals(WaitEstimator.estimateMinutes(3, 300, 1), WaitEstimator.estimateMinutes(3, 300, 0));
    }

    @Test
    void more_people_ahead_never_shortens_the_estimate() {
        for (int ahead = 0; ahead < 50; ahead++) {
            assertTrue(WaitEstimator.estimateMinutes(ahead + 1, 200, 2) >= WaitEstimator.estimateMinutes(ahead, 200, 2));
        }
    }

    @Test
    void nonsense_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> WaitEstimator.estimateMinutes(-1, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> WaitEstimator.estimateMinutes(1, 0, 1));
    }

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
