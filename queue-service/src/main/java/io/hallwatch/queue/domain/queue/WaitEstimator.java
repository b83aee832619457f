package io.hallwatch.queue.domain.queue;

import java.util.List;
import java.util.UUID;

/**
 * Estimates a waiting customer's wait: the people ahead, shared among the counters open for the
 * type, each taking the type's mean handling time, plus half a service for the customers already
 * at those counters.
 */
public final class WaitEstimator {

    private WaitEstimator() {
    }

    public static int estimateMinutes(int peopleAhead, double meanHandlingSeconds, int openCounters) {
        return (int) Math.ceil(estimateSeconds(peopleAhead, meanHandlingSeconds, openCounters) / 60.0);
    }

    public static long estimateSeconds(int peopleAhead, double meanHandlingSeconds, int openCounters) {
        if (peopleAhead < 0 || meanHandlingSeconds <= 0) {
            throw new IllegalArgumentException("peopleAhead >= 0 and meanHandlingSeconds > 0 required");
        }
        return Math.round((peopleAhead + 0.5) * meanHandlingSeconds / Math.max(1, openCounters));
    }

    /**
     * Where ticket {@code ticketId} stands in its type's queue, given in call order
     * ({@link CallPolicy#inCallOrder}), and its estimate: everyone before it is ahead.
     */
    public static WaitEstimate estimate(List<WaitingTicket> inCallOrder, UUID ticketId, double meanHandlingSeconds,
                                        int openCounters) {
        int ahead = 0;
        for (WaitingTicket w : inCallOrder) {
            if (w.id().equals(ticketId)) {
                break;
            }
            ahead++;
        }
        return new WaitEstimate(ahead + 1, ahead, estimateMinutes(ahead, meanHandlingSeconds, openCounters));
    }
}
