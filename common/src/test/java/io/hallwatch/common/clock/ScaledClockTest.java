package io.hallwatch.common.clock;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScaledClockTest {

    private static final Instant REAL_START = Instant.parse("2026-11-24T13:00:00Z");
    private static final Instant EPOCH = Instant.parse("2026-11-24T01:00:00Z");

    @Test
    void sixty_times_faster_turns_one_real_minute_into_an_hour() {
        Clock real = Clock.fixed(REAL_START.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
        ScaledClock clock = new ScaledClock(real, EPOCH, REAL_START, 60);
        assertEquals(EPOCH.plus(Duration.ofHours(1)), clock.instant());
    }

    @Test
    void at_the_real_start_it_shows_the_epoch() {
        ScaledClock clock = new ScaledClock(Clock.fixed(REAL_START, ZoneOffset.UTC), EPOCH, REAL_START, 60);
        assertEquals(EPOCH, clock.instant());
    }

    @Test
    void two_services_with_the_same_settings_agree() {
        Clock real = Clock.fixed(REAL_START.plusMillis(12_345), ZoneOffset.UTC);
        assertEquals(new ScaledClock(real, EPOCH, REAL_START, 60).instant(),
                new ScaledClock(real, EPOCH, REAL_START, 60).instant());
    }

    @Test
    void a_scale_that_is_not_positive_is_refused() {
        Clock real = Clock.systemUTC();
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(real, EPOCH, REAL_START, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(real, EPOCH, REAL_START, -1));
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(real, EPOCH, REAL_START, Double.NaN));
    }
}
