package io.hallwatch.counter.domain.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A clerk's day: customers served per business type with mean and p90 handling time (nearest-rank
 * percentile), services over the limit, paused minutes by reason, no-shows. Pure arithmetic over
 * the day's records, so it is checked against a recomputation from raw events.
 */
public record DailyReport(String clerkId, LocalDate date, int served, int overLimit, List<TypeLine> businessTypes,
                          Map<String, Double> pausedMinutesByReason, int noShows) {

    public record TypeLine(String businessType, int served, double meanHandlingSeconds, long p90HandlingSeconds,
                           int overLimit, int limitSeconds) {
    }

    public static DailyReport of(String clerkId, LocalDate date, Collection<ServiceFact> services,
                                 Map<String, Long> pausedSecondsByReason, int noShows) {
        Map<String, List<ServiceFact>> byType = new TreeMap<>();
        services.forEach(s -> byType.computeIfAbsent(s.businessType(), k -> new ArrayList<>()).add(s));
        List<TypeLine> lines = byType.entrySet().stream().map(e -> line(e.getKey(), e.getValue())).toList();
        Map<String, Double> paused = new TreeMap<>();
        pausedSecondsByReason.forEach((reason, seconds) -> paused.put(reason, Math.round(seconds / 60.0 * 10) / 10.0));
        return new DailyReport(clerkId, date, services.size(), lines.stream().mapToInt(TypeLine::overLimit).sum(), lines,
                paused, noShows);
    }

    private static TypeLine line(String type, List<ServiceFact> facts) {
        long[] sorted = facts.stream().mapToLong(ServiceFact::handlingSeconds).sorted().toArray();
        double mean = facts.stream().mapToLong(ServiceFact::handlingSeconds).average().orElse(0);
        int over = (int) facts.stream().filter(f -> f.handlingSeconds() > f.limitSeconds()).count();
        return new TypeLine(type, facts.size(), Math.round(mean * 10) / 10.0, percentile(sorted, 0.9), over,
                facts.get(0).limitSeconds());
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
