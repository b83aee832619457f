package io.hallwatch.sla.service.rounds;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run in rounds on a daemon thread of its own: every {@code interval} after the last round
 * ended (a slow round is never run twice at once), and once more whenever something became due
 * ({@link #wake()}), so that what is due never waits for the interval. Stopped, it runs nothing; it
 * can be started again, as a restarted instance would be.
 */
public final class Rounds {
    private final String thread;
    private final Runnable round;
    private ScheduledExecutorService ticker;

    public Rounds(String thread, Runnable round) {
        this.thread = thread;
        this.round = round;
    }

    public synchronized void start(Duration interval) {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the rounds, letting a round under way end (for at most 5 s). */
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
    }

    /** One round now, after the one under way if any. */
    public synchronized void wake() {
        if (ticker != null) {
            try {
                ticker.execute(round);
            } catch (RejectedExecutionException e) {
                // Shutting down: nothing more runs.
            }
        }
    }
}
