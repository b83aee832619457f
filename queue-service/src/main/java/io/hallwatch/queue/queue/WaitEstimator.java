package io.hallwatch.queue.queue;

/**
 * Estimates a waiting customer's wait: the people ahead, shared among the counters open for the
 * type, each taking the type's mean handling time, plus half a service for the customers already
 * at those counters.
 */
public final class WaitEstimator {

    private WaitEstimator() {
    }

    public static int estimateMinutes(int peopleAhead, double meanHandlingSeconds, int openCounters) {
        if (peopleAhead < 0 || meanHandlingSeconds <= 0) {
            throw new IllegalArgumentException("peopleAhead >= 0 and meanHandlingSeconds > 0 required");
        }
        double seconds = (peopleAhead + 0.5) * meanHandlingSeconds / Math.max(1, openCounters);
        return (int) Math.ceil(seconds / 60.0);
    }
}
