package io.hallwatch.testsupport;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand, so a 15-minute wait takes no real time. Being a bean
 * of type {@code Clock}, it replaces each service's default clock wherever test-support is on the
 * classpath; tests inject it as {@code MutableClock} to move it.
 */
@Singleton
public class MutableClock extends Clock {

    /** 09:00 in Guangzhou on a weekday: a branch is open. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-24T01:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(DEFAULT_START);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time does not go backwards: " + duration);
        }
        return now.updateAndGet(t -> t.plus(duration));
    }

    public void reset() {
        now.set(DEFAULT_START);
    }
}
