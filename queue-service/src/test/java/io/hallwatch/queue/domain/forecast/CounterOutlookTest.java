package io.hallwatch.queue.domain.forecast;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CounterOutlookTest {
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final HallForecast.ServiceTimes TIMES = new HallForecast.ServiceTimes() {
        public Duration walkUp() {
            return Duration.ofSeconds(30);
        }

        public Duration handling(String businessType) {
            return Duration.ofMinutes(4);
        }
    };

    private static Instant at(int seconds) {
        return NOW.plusSeconds(seconds);
    }

    @Test
    void an_idle_counter_calls_now() {
        assertEquals(NOW, CounterOutlook.freeAt(NOW, null, null, TIMES));
    }

    @Test
    void a_called_customer_walks_up_then_is_served() {
        assertEquals(at(-10 + 30 + 240), CounterOutlook.freeAt(NOW, new CounterOutlook.Customer("GENERAL", at(-10), null), null, TIMES));
        // Still not at the counter after the usual walk-up: expected from now.
        assertEquals(at(240), CounterOutlook.freeAt(NOW, new CounterOutlook.Customer("GENERAL", at(-100), null), null, TIMES));
    }

    @Test
    void a_service_under_way_runs_its_mean_and_one_past_it_a_quarter_more() {
        assertEquals(at(140), CounterOutlook.freeAt(NOW, new CounterOutlook.Customer("GENERAL", at(-130), at(-100)), null, TIMES));
        assertEquals(at(60), CounterOutlook.freeAt(NOW, new CounterOutlook.Customer("GENERAL", at(-400), at(-300)), null, TIMES));
    }

    @Test
    void a_pause_lasts_its_limit_and_one_past_it_a_minute_more() {
        assertEquals(at(420), CounterOutlook.freeAt(NOW, null, new CounterOutlook.Pause(at(-180), Duration.ofMinutes(10)), TIMES));
        assertEquals(at(60), CounterOutlook.freeAt(NOW, null, new CounterOutlook.Pause(at(-900), Duration.ofMinutes(10)), TIMES));
    }
}
