package io.hallwatch.queue.domain.staffing;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErlangCTest {

    @Test
    void the_probability_of_waiting_matches_the_published_erlang_c_tables() {
        // Textbook: 2 Erlangs on 3 servers wait 4/9 of the time; the call-centre tables for 10 Erlangs.
        assertEquals(4.0 / 9, ErlangC.probabilityOfWaiting(3, 2), 1e-9);
        assertEquals(1.0 / 3, ErlangC.probabilityOfWaiting(2, 1), 1e-9);
        assertEquals(0.6821, ErlangC.probabilityOfWaiting(11, 10), 5e-5);
        assertEquals(0.4494, ErlangC.probabilityOfWaiting(12, 10), 5e-5);
        assertEquals(0.2853, ErlangC.probabilityOfWaiting(13, 10), 5e-5);
        assertEquals(0.1741, ErlangC.probabilityOfWaiting(14, 10), 5e-5);
    }

    @Test
    void too_few_counters_means_everyone_waits_and_no_load_nobody() {
        assertEquals(1, ErlangC.probabilityOfWaiting(10, 10));
        assertEquals(1, ErlangC.probabilityWaitExceeds(3, 4.5, Duration.ofMinutes(3), Duration.ofMinutes(15)));
        assertEquals(0, ErlangC.probabilityOfWaiting(1, 0));
        assertEquals(0, ErlangC.serversNeeded(0, Duration.ofMinutes(3), Duration.ofMinutes(15), 0.05));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.probabilityOfWaiting(0, 1));
    }

    @Test
    void the_share_waiting_past_the_limit_falls_exponentially_with_the_spare_capacity() {
        // 10 Erlangs, 12 counters, 3-minute handling: P(wait > 20 s) = 0.4494 · e^(−2·20/180).
        assertEquals(0.4494 * Math.exp(-2 * 20 / 180.0),
                ErlangC.probabilityWaitExceeds(12, 10, Duration.ofMinutes(3), Duration.ofSeconds(20)), 1e-4);
    }

    @Test
    void counters_needed_is_the_fewest_that_keeps_the_long_waits_under_the_share() {
        // 80 customers an hour at 4 minutes each: 5.33 Erlangs.
        double load = 80 * 240 / 3600.0;
        int n = ErlangC.serversNeeded(load, Duration.ofMinutes(4), Duration.ofMinutes(15), 0.05);
        assertEquals(7, n); // 6 leave 5.9 % waiting past 15 minutes
        assertTrue(ErlangC.probabilityWaitExceeds(n, load, Duration.ofMinutes(4), Duration.ofMinutes(15)) <= 0.05);
        assertTrue(ErlangC.probabilityWaitExceeds(n - 1, load, Duration.ofMinutes(4), Duration.ofMinutes(15)) > 0.05);
        // A stricter share never needs fewer counters.
        assertTrue(ErlangC.serversNeeded(load, Duration.ofMinutes(4), Duration.ofSeconds(60), 0.05) >= n);
    }
}
