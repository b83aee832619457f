package io.hallwatch.sla.service.status;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.domain.branch.RollingAverage;
import io.hallwatch.common.standard.BranchAverageLimits;
import io.hallwatch.sla.domain.policy.PolicyResolver;
import io.hallwatch.sla.domain.status.BranchStatus;
import io.hallwatch.sla.domain.status.SlaReport;
import io.hallwatch.sla.store.branch.BranchWaits;
import io.hallwatch.sla.store.breach.BreachStore;
import io.hallwatch.sla.store.policy.PolicyStore;
import io.hallwatch.sla.store.status.BranchStatusStore;
import io.hallwatch.sla.store.detection.TimerStore;
import io.hallwatch.sla.domain.detection.WatermarkBook;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.hallwatch.sla.store.status.SlaReportStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** One branch's SLA situation now, and its daily report. */
@ApplicationScoped
public class BranchStatusService {
    private final BranchStatusStore status;
    private final SlaReportStore reports;
    private final BranchWaits waits;
    private final PolicyStore policies;
    private final BreachStore breaches;
    private final SlaConfig config;
    private final Clock clock;
    private final TimerStore timers;
    private final WatermarkBook watermarks;

    BranchStatusService(BranchStatusStore status, SlaReportStore reports, BranchWaits waits, PolicyStore policies,
                        BreachStore breaches, TimerStore timers, WatermarkFollower follower, SlaConfig config, Clock clock) {
        this.timers = timers;
        this.watermarks = follower.book();
        this.status = status;
        this.reports = reports;
        this.waits = waits;
        this.policies = policies;
        this.breaches = breaches;
        this.config = config;
        this.clock = clock;
    }

    public BranchStatus status(String branch) {
        Instant now = clock.instant();
        Instant stale = now.minus(config.staleAfter());
        var byType = status.now(branch, now, stale);
        var open = status.openByType(branch);
        BranchAverageLimits limits = PolicyResolver.branchAverage(policies.history().at(now), branch);
        RollingAverage average = waits.rollingAverage(branch, now, limits.window(), config.staleAfter());
        return BranchStatus.of(branch, now, byType, open, average, limits, breaches.branchAverageOpen(branch))
                .withDelay(delay(branch, now));
    }

    /** Which producers' promises the branch's due deadlines wait for, and since when; null if none. */
    private BranchStatus.Delay delay(String branch, Instant now) {
        List<String> waitingFor = new ArrayList<>();
        Instant since = null;
        for (Map.Entry<String, Optional<Instant>> p : new TreeMap<>(watermarks.newest()).entrySet()) {
            Optional<Instant> due = timers.earliestDueAfter(branch, p.getValue().orElse(Instant.EPOCH), now);
            if (due.isPresent()) {
                waitingFor.add(p.getKey());
                since = since == null || due.get().isBefore(since) ? due.get() : since;
            }
        }
        return since == null ? null : new BranchStatus.Delay(waitingFor, since, Duration.between(since, now).toSeconds());
    }

    /** The report of {@code date} (a day in {@code hallwatch.sla.report-zone}); a day after today is a 400 problem. */
    public SlaReport report(String branch, LocalDate date) {
        ZoneId zone = config.reportZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (date.isAfter(today)) {
            throw ProblemException.badRequest("invalid-parameter", "date " + date + " is after today (" + today + ")");
        }
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        return SlaReport.of(branch, date, zone, reports.byBusinessType(branch, start, end, now),
                reports.branchAverageBreaches(branch, start, end));
    }
}
