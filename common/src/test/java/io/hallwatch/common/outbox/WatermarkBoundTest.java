package io.hallwatch.common.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatermarkBoundTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final Duration ALLOWANCE = Duration.ofMillis(50);

    @Test
    void an_idle_database_promises_the_clock_less_the_allowance() {
        assertEquals(NOW.minusMillis(50), WatermarkBound.of(NOW, Duration.ZERO, null, ALLOWANCE, 1, null));
    }

    @Test
    void an_open_transaction_holds_the_promise_back_to_when_it_began() {
        assertEquals(NOW.minusMillis(2_050), WatermarkBound.of(NOW, Duration.ofSeconds(2), null, ALLOWANCE, 1, null));
    }

    @Test
    void on_a_scaled_clock_real_durations_count_scale_times_in_event_time() {
        // 60x: a transaction open for 2 s of real time began 2 simulated minutes ago.
        assertEquals(NOW.minusSeconds(123), WatermarkBound.of(NOW, Duration.ofSeconds(2), null, ALLOWANCE, 60, null));
    }

    @Test
    void an_unsent_event_keeps_the_promise_just_before_its_time() {
        Instant unsent = NOW.minusSeconds(30);
        assertEquals(unsent.minusNanos(1_000), WatermarkBound.of(NOW, Duration.ZERO, unsent, ALLOWANCE, 1, null));
        // An unsent event newer than the other bounds changes nothing.
        assertEquals(NOW.minusMillis(50), WatermarkBound.of(NOW, Duration.ZERO, NOW, ALLOWANCE, 1, null));
    }

    @Test
    void a_watermark_never_goes_back() {
        Instant previous = NOW.minusMillis(10);
        assertEquals(previous, WatermarkBound.of(NOW, Duration.ofSeconds(1), null, ALLOWANCE, 1, previous));
    }
}
