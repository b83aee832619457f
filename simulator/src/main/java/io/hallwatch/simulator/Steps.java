package io.hallwatch.simulator;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

    /** Runs {@code step} on a worker every {@code period} (real), the first time after {@code initial}. */
    void every(long initialMillis, long periodMillis, Runnable step) {
        timer.scheduleWithFixedDelay(() -> workers.execute(step), initialMillis, periodMillis, TimeUnit.MILLISECONDS);
    }
}
