package io.hallwatch.common.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that runs {@code scale} times faster than {@code base}, starting at {@code epoch} at the real instant {@code realStart}. */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant epoch;
    private final Instant realStart;
    private final double scale;

    public ScaledClock(Clock base, Instant epoch, Instant realStart, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("Clock scale must be a positive number, was " + scale);
        }
        this.base = base;
        this.epoch = epoch;
        this.realStart = realStart;
        this.scale = scale;
    }

    @Override
    public Instant instant() {
        long realNanos = Duration.between(realStart, base.instant()).toNanos();
        return epoch.plusNanos(Math.round(realNanos * scale));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), epoch, realStart, scale);
    }

    public double scale() {
        return scale;
    }
}
