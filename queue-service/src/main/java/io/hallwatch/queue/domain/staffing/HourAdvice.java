package io.hallwatch.queue.domain.staffing;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

/**
 * One hour of a branch's day: the customers expected (from the same weekday-hour of past weeks, or
 * the live rate where there is no history), their mean handling over the expected mix of business
 * types, the counters needed so that at most {@code maxShare} wait longer than the limit (Erlang C),
 * and against the counters open now: the share expected to wait past the limit, and whether the
 * hour is understaffed.
 */
public record HourAdvice(LocalTime hour, double arrivals, ArrivalSource source, double meanHandlingSeconds, double offeredLoad,
                         int countersNeeded, int countersOpen, double shareOverLimitWithOpen, boolean understaffed) {

    /** Where the expected arrivals come from. */
    public enum ArrivalSource { HISTORY, LIVE_RATE, NONE }

    /**
     * {@code arrivalsByType}: customers expected in the hour per business type; {@code meanHandling}
     * per type (the branch's learned means, or the standard's limits).
     */
    public static HourAdvice of(LocalTime hour, Map<String, Double> arrivalsByType, ArrivalSource source,
                                Map<String, Duration> meanHandling, Duration waitLimit, double maxShare, int countersOpen) {
        double arrivals = arrivalsByType.values().stream().mapToDouble(Double::doubleValue).sum();
        double handlingSeconds = arrivals == 0 ? 0 : arrivalsByType.entrySet().stream()
                .mapToDouble(e -> e.getValue() * meanHandling.get(e.getKey()).toMillis() / 1000.0).sum() / arrivals;
        double load = arrivals * handlingSeconds / 3600.0;
        if (load == 0) {
            return new HourAdvice(hour, 0, source, 0, 0, 0, countersOpen, 0, false);
        }
        Duration mean = Duration.ofMillis(Math.round(handlingSeconds * 1000));
        int needed = ErlangC.serversNeeded(load, mean, waitLimit, maxShare);
        double withOpen = countersOpen == 0 ? 1 : ErlangC.probabilityWaitExceeds(countersOpen, load, mean, waitLimit);
        return new HourAdvice(hour, arrivals, source, handlingSeconds, load, needed, countersOpen, withOpen, countersOpen < needed);
    }
}
