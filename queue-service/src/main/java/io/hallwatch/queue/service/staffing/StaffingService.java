package io.hallwatch.queue.service.staffing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import io.hallwatch.queue.domain.handling.HandlingTime;
import io.hallwatch.queue.domain.staffing.HourAdvice;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.service.queue.CallPolicies;
import io.hallwatch.queue.store.forecast.HallSnapshot;
import io.hallwatch.queue.store.staffing.ArrivalHistory;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A branch's staffing advice for a day, hour by hour over its regular opening hours: customers
 * expected from the same weekday of the last {@code history-weeks} weeks (the mean over the weeks
 * that had any ticket), or, for today without history, the last hour's arrivals as the rate of
 * every hour; their mean handling from the branch's learned means (the standard's limits where
 * none was learned); the counters needed against the strictest wait limit of the types offered
 * ({@link HourAdvice}); the counters open now as the comparison.
 */
@ApplicationScoped
public class StaffingService {
    private static final Duration LIVE_WINDOW = Duration.ofHours(1);
    /**
     * Past days' arrivals do not change, but reading them scans every day's partition the service day may lie in
     * (the ids carry the wall clock, the service day the platform's): read once per branch and date and kept this
     * long (real time), so that the gauges' refresh of every branch each minute does not grow with the days kept.
     */
    private static final Duration HISTORY_KEPT = Duration.ofHours(1);

    private final CatalogueService catalogue;
    private final ArrivalHistory history;
    private final HallSnapshot snapshot;
    private final CallPolicies policies;
    private final QueueConfig config;
    private final Clock clock;
    private final Cache<String, List<ArrivalHistory.Count>> pastArrivals;

    StaffingService(CatalogueService catalogue, ArrivalHistory history, HallSnapshot snapshot, CallPolicies policies,
                    QueueConfig config, Clock clock) {
        this.catalogue = catalogue;
        this.history = history;
        this.snapshot = snapshot;
        this.policies = policies;
        this.config = config;
        this.clock = clock;
        this.pastArrivals = Caffeine.newBuilder().expireAfterWrite(HISTORY_KEPT).maximumSize(100_000).build();
    }

    public record StaffingPlan(String branchId, LocalDate date, Duration waitLimit, double maxShareOverLimit, int countersOpenNow,
                               List<HourAdvice> hours) {
    }

    public StaffingPlan plan(String branchId, LocalDate date) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        Instant now = clock.instant();
        Set<String> types = branch.businessTypes();
        Duration waitLimit = types.stream().map(t -> policies.waitLimit(branchId, t, CustomerTier.NORMAL)).min(Duration::compareTo)
                .orElse(Duration.ofMinutes(15));
        Map<String, Double> learned = snapshot.meanHandlingSeconds(branchId);
        Map<String, Duration> means = new HashMap<>();
        for (String t : types) {
            double s = learned.getOrDefault(t, HandlingTime.prior(policies.handlingLimit(branchId, t).toSeconds()).meanSeconds());
            means.put(t, Duration.ofMillis(Math.round(s * 1000)));
        }
        int open = history.countersOpen(branchId, now.minus(config.counterPresenceWindow()));

        List<LocalDate> weeks = new ArrayList<>();
        for (int w = 1; w <= config.staffing().historyWeeks(); w++) {
            weeks.add(date.minusWeeks(w));
        }
        String pastKey = branchId + "|" + date;
        List<ArrivalHistory.Count> counts = pastArrivals.getIfPresent(pastKey);
        if (counts == null) {
            counts = history.issuedOn(branchId, branch.zone(), weeks);
            // Kept once there is history and all of it is past (a plan a week or more ahead reads today as last week).
            if (!counts.isEmpty() && weeks.get(0).isBefore(LocalDate.ofInstant(now, branch.zone()))) {
                pastArrivals.put(pastKey, counts);
            }
        }
        long weeksWithTickets = counts.stream().map(ArrivalHistory.Count::day).distinct().count();
        Map<Integer, Map<String, Double>> byHour = new TreeMap<>();
        HourAdvice.ArrivalSource source;
        if (weeksWithTickets > 0) {
            source = HourAdvice.ArrivalSource.HISTORY;
            counts.stream().filter(c -> types.contains(c.businessType())).forEach(c -> byHour.computeIfAbsent(c.hour(), h -> new HashMap<>())
                    .merge(c.businessType(), (double) c.tickets() / weeksWithTickets, Double::sum));
        } else if (date.equals(LocalDate.ofInstant(now, branch.zone()))) {
            source = HourAdvice.ArrivalSource.LIVE_RATE;
            Map<String, Double> perHour = history.issuedSince(branchId, now.minus(LIVE_WINDOW)).entrySet().stream()
                    .filter(e -> types.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() * 3600.0 / LIVE_WINDOW.toSeconds()));
            for (int h = branch.opensAt().getHour(); h <= lastHour(branch); h++) {
                byHour.put(h, perHour);
            }
        } else {
            source = HourAdvice.ArrivalSource.NONE;
        }
        List<HourAdvice> hours = new ArrayList<>();
        for (int h = branch.opensAt().getHour(); h <= lastHour(branch); h++) {
            hours.add(HourAdvice.of(LocalTime.of(h, 0), byHour.getOrDefault(h, Map.of()), source, means, waitLimit,
                    config.staffing().maxShareOverLimit(), open));
        }
        return new StaffingPlan(branchId, date, waitLimit, config.staffing().maxShareOverLimit(), open, hours);
    }

    /** The last hour the branch is open in: 18:00 closing is the 17:00 hour, 18:30 the 18:00 one. */
    private static int lastHour(BranchSetup branch) {
        LocalTime closes = branch.closesAt();
        return closes.getMinute() == 0 && closes.getSecond() == 0 ? closes.getHour() - 1 : closes.getHour();
    }
}
