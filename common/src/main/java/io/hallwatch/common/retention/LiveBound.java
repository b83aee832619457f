package io.hallwatch.common.retention;

import java.time.Duration;
import java.util.UUID;

/**
 * The {@code id >= ?} bound of a job's frequent rounds: the live days ({@link IdDays#liveFrom()}), so that a round every
 * few seconds reads the last days' partitions and not every day kept; and, on its first round and then once every
 * {@code sweepEvery}, every day kept ({@link #EVERY_DAY}), so that what a service down for longer than
 * {@link IdDays#LIVE} left behind (a day never closed, a remote ticket never expired) is still found.
 */
public final class LiveBound {
    /** The bound that excludes no row. */
    public static final UUID EVERY_DAY = new UUID(0, 0);

    private final long sweepEveryNanos;
    private long lastSweep;
    private boolean swept;

    public LiveBound(Duration sweepEvery) {
        this.sweepEveryNanos = sweepEvery.toNanos();
    }

    /** The bound for the round starting now. */
    public synchronized UUID next() {
        long now = System.nanoTime();
        if (!swept || now - lastSweep >= sweepEveryNanos) {
            swept = true;
            lastSweep = now;
            return EVERY_DAY;
        }
        return IdDays.liveFrom();
    }
}
