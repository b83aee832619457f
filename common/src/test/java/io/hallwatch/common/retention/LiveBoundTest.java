package io.hallwatch.common.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LiveBoundTest {

    @Test
    void the_first_round_reads_every_day_then_the_live_days_until_the_next_sweep_is_due() {
        AtomicLong nanos = new AtomicLong(123_456_789L);
        LiveBound hourly = new LiveBound(Duration.ofHours(1), nanos::get);
        assertEquals(LiveBound.EVERY_DAY, hourly.next(), "a first round after a start finds what was left behind");
        assertNotEquals(LiveBound.EVERY_DAY, hourly.next());
        assertEquals(IdDays.dayOf(IdDays.liveFrom()), IdDays.dayOf(hourly.next()), "three days back on the wall clock");

        nanos.addAndGet(Duration.ofMinutes(59).toNanos());
        assertNotEquals(LiveBound.EVERY_DAY, hourly.next(), "not before the hour is up");
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertEquals(LiveBound.EVERY_DAY, hourly.next(), "the sweep comes round again");
        assertNotEquals(LiveBound.EVERY_DAY, hourly.next());
    }
}
