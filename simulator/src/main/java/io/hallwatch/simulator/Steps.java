package io.hallwatch.simulator;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the simulated people do their next thing: a timer thread that only keeps time, and a few
 * worker threads that run the steps (which only start asynchronous calls, never wait on one).
 * A step's lateness (how long after its due time it ran) is what {@link Lateness} reports.
 */
final class Steps {
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final SimClock clock;
    private final Lateness lateness;

    Steps(ScheduledExecutorService timer, Executor workers, SimClock clock, Lateness lateness) {
        this.timer = timer;
        this.workers = workers;
        this.clock = clock;
        this.lateness = lateness;
    }

    /** Runs {@code step} after {@code simulated} time (real: divided by the clock's scale); {@code onError} if it throws. */
    void after(Duration simulated, Runnable step, Runnable onError) {
        long delay = clock.realMillis(simulated);
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        try {
            timer.schedule(() -> workers.execute(() -> {
                lateness.record(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - due));
                try {
                    step.run();
                } catch (RuntimeException e) {
                    onError.run();
                }
            }), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: the day is over
        }
    }

    /**
     * Runs {@code step} on a worker every {@code period} (real), the first time after {@code initial};
     * a run that is due while the last one still waits for a worker is skipped (see {@link OnePending}).
     */
    void every(long initialMillis, long periodMillis, Runnable step) {
        OnePending pending = new OnePending(step);
        timer.scheduleWithFixedDelay(() -> pending.offer(workers), initialMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * A periodic step with at most one run waiting for or on a worker: when the workers fall
     * behind (no CPU left), 1,000 kiosks' ticks every 250 ms must not pile up in their queue
     * without bound. A skipped tick loses nothing: the next one draws the arrivals of the whole
     * time that passed.
     */
    static final class OnePending {
        private final Runnable step;
        private final AtomicBoolean queued = new AtomicBoolean();

        OnePending(Runnable step) {
            this.step = step;
        }

        /** Hands a run to {@code workers} unless one is already waiting or running; true if it did. */
        boolean offer(Executor workers) {
            if (!queued.compareAndSet(false, true)) {
                return false;
            }
            try {
                workers.execute(() -> {
                    try {
                        step.run();
                    } finally {
                        queued.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
            return true;
        }
    }
}
