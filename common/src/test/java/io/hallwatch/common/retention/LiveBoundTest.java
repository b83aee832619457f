package io.hallwatch.common.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LiveBoundTest {

    @Test
    void the_first_round_reads_every_day_then_the_live_days_until_the_next_sweep_is_due() throws Exception {
        LiveBound hourly = new LiveBound(Duration.ofHours(1));
        assertEquals(LiveBound.EVERY_DAY, hourly.next(), "a first round after a start finds what was left behind");
        assertNotEquals(LiveBound.EVERY_DAY, hourly.next());
        assertEquals(IdDays.dayOf(IdDays.liveFrom()), IdDays.dayOf(hourly.next()), "three days back on the wall clock");

        LiveBound often = new LiveBound(Duration.ofMillis(20));
        assertEquals(LiveBound.EVERY_DAY, often.next());
        assertNotEquals(LiveBound.EVERY_DAY, often.next());
        Thread.sleep(30);
        assertEquals(LiveBound.EVERY_DAY, often.next(), "the sweep comes round again");
    }
}
