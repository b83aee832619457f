package io.hallwatch.common.retention;

import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The id bound of a job's frequent rounds: the live days ({@link IdDays#liveFrom()}), so that a round every
 * few seconds reads the last days' partitions and not every day kept; and, on its first round and then once every
 * {@code sweepEvery}, every day kept ({@link #EVERY_DAY}), so that what a service down for longer than
 * {@link IdDays#LIVE} left behind (a day never closed, a remote ticket never expired) is still found.
 */
public final class LiveBound {
    /** The bound that excludes no row. */
    public static final UUID EVERY_DAY = new UUID(0, 0);

    private final long sweepEveryNanos;
    private final LongSupplier nanoTime;
    private long lastSweep;
    private boolean swept;

    /** Sweeping every {@code sweepEvery} of real time, as {@link System#nanoTime()} measures it. */
    public LiveBound(Duration sweepEvery) {
        this(sweepEvery, System::nanoTime);
    }

    /** Sweeping every {@code sweepEvery} as {@code nanoTime} measures it (a test moves its own). */
    LiveBound(Duration sweepEvery, LongSupplier nanoTime) {
        this.sweepEveryNanos = sweepEvery.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The bound for the round starting now. */
    public synchronized UUID next() {
        long now = nanoTime.getAsLong();
        if (!swept || now - lastSweep >= sweepEveryNanos) {
            swept = true;
            lastSweep = now;
            return EVERY_DAY;
        }
        return IdDays.liveFrom();
    }
}
