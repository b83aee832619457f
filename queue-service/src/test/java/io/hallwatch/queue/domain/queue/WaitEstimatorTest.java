package io.hallwatch.queue.domain.queue;

import io.hallwatch.events.CustomerTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
    void a_tickets_estimate_counts_everyone_before_it_in_call_order_as_ahead() {
        List<WaitingTicket> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL, Instant.EPOCH, "A00" + i));
        }
        WaitEstimate third = WaitEstimator.estimate(order, order.get(2).id(), 120, 1);
        assertEquals(new WaitEstimate(3, 2, WaitEstimator.estimateMinutes(2, 120, 1)), third);
        assertEquals(new WaitEstimate(1, 0, 1), WaitEstimator.estimate(order, order.get(0).id(), 120, 1));
    }
}
