package io.hallwatch.simulator;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far behind its own schedule the simulator runs: a step due at t that starts at t + d was d
 * late. When the simulator itself is the limit (threads all blocked on slow calls, or no CPU
 * left), this grows, and the load it offers is less than the configured one; the totals line
 * says so instead of passing a smaller load off as the asked one.
 */
final class Lateness {
    record Window(long steps, double meanMillis, long maxMillis, long overSecond) {
    }

    private final LongAdder steps = new LongAdder();
    private final LongAdder sumMillis = new LongAdder();
    private final LongAdder overSecond = new LongAdder();
    private final AtomicLong maxMillis = new AtomicLong();

    void record(long lateMillis) {
        long late = Math.max(0, lateMillis);
        steps.increment();
        sumMillis.add(late);
        if (late > 1000) {
            overSecond.increment();
        }
        maxMillis.accumulateAndGet(late, Math::max);
    }

    /** The steps since the last call, and starts a new window. */
    synchronized Window takeWindow() {
        long n = steps.sumThenReset();
        long sum = sumMillis.sumThenReset();
        return new Window(n, n == 0 ? 0 : sum / (double) n, maxMillis.getAndSet(0), overSecond.sumThenReset());
    }
}
