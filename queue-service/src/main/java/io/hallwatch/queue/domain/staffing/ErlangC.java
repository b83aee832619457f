package io.hallwatch.queue.domain.staffing;

import java.time.Duration;

/**
 * The Erlang C model of a hall: customers arriving at random (Poisson) to {@code servers} counters
 * that each serve one at a time with exponential handling, nobody giving up. The offered load is
 * arrivals per second × mean handling in seconds (Erlangs). Computed through the Erlang B recursion,
 * which stays exact for hundreds of counters where the factorials of the textbook form overflow.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** The share of customers who wait at all; 1 where the counters cannot keep up ({@code servers <= load}). */
    public static double probabilityOfWaiting(int servers, double offeredLoad) {
        if (servers <= 0 || offeredLoad < 0) {
            throw new IllegalArgumentException("servers > 0 and load >= 0 required");
        }
        if (offeredLoad == 0) {
            return 0;
        }
        if (servers <= offeredLoad) {
            return 1;
        }
        double b = 1; // Erlang B with 0 servers
        for (int n = 1; n <= servers; n++) {
            b = offeredLoad * b / (n + offeredLoad * b);
        }
        return servers * b / (servers - offeredLoad * (1 - b));
    }

    /** The share of customers who wait longer than {@code limit}. */
    public static double probabilityWaitExceeds(int servers, double offeredLoad, Duration meanHandling, Duration limit) {
        double waiting = probabilityOfWaiting(servers, offeredLoad);
        if (waiting == 0 || waiting == 1 && servers <= offeredLoad) {
            return waiting;
        }
        double seconds = limit.toMillis() / 1000.0;
        return waiting * Math.exp(-(servers - offeredLoad) * seconds / (meanHandling.toMillis() / 1000.0));
    }

    /** The fewest counters for which at most {@code maxShare} of customers wait longer than {@code limit}. */
    public static int serversNeeded(double offeredLoad, Duration meanHandling, Duration limit, double maxShare) {
        if (offeredLoad == 0) {
            return 0;
        }
        int n = Math.max(1, (int) Math.floor(offeredLoad) + 1);
        while (probabilityWaitExceeds(n, offeredLoad, meanHandling, limit) > maxShare) {
            n++;
        }
        return n;
    }
}
