package io.hallwatch.queue.domain.staffing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HourAdviceTest {
    private static final Map<String, Duration> MEANS = Map.of("PAYMENT", Duration.ofMinutes(2), "NEW_LINE", Duration.ofMinutes(8));

    @Test
    void the_mix_of_types_sets_the_mean_handling_and_erlang_c_the_counters_needed() {
        // 60 payments (2 min) and 20 new lines (8 min) an hour: mean 3.5 min, 4.67 Erlangs.
        HourAdvice a = HourAdvice.of(LocalTime.of(10, 0), Map.of("PAYMENT", 60.0, "NEW_LINE", 20.0), HourAdvice.ArrivalSource.HISTORY,
                MEANS, Duration.ofMinutes(15), 0.05, 4);
        assertEquals(80, a.arrivals(), 1e-9);
        assertEquals(210, a.meanHandlingSeconds(), 1e-9);
        assertEquals(80 * 210 / 3600.0, a.offeredLoad(), 1e-9);
        assertEquals(ErlangC.serversNeeded(a.offeredLoad(), Duration.ofSeconds(210), Duration.ofMinutes(15), 0.05), a.countersNeeded());
        assertTrue(a.understaffed(), "4 counters for 4.67 Erlangs cannot keep up");
        assertEquals(1.0, a.shareOverLimitWithOpen());
        HourAdvice enough = HourAdvice.of(LocalTime.of(10, 0), Map.of("PAYMENT", 60.0, "NEW_LINE", 20.0), HourAdvice.ArrivalSource.HISTORY,
                MEANS, Duration.ofMinutes(15), 0.05, a.countersNeeded());
        assertFalse(enough.understaffed());
        assertTrue(enough.shareOverLimitWithOpen() <= 0.05);
    }

    @Test
    void an_hour_without_customers_needs_no_counter() {
        HourAdvice a = HourAdvice.of(LocalTime.of(8, 0), Map.of(), HourAdvice.ArrivalSource.NONE, MEANS, Duration.ofMinutes(15), 0.05, 0);
        assertEquals(0, a.countersNeeded());
        assertFalse(a.understaffed());
    }
}
