package io.hallwatch.sla.store.status;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.domain.branch.RollingAverage;
import io.hallwatch.sla.domain.policy.BranchAverageLimits;
import io.hallwatch.sla.domain.policy.PolicyResolver;
import io.hallwatch.sla.domain.status.BranchStatus;
import io.hallwatch.sla.service.breach.BreachRecorder;
import io.hallwatch.sla.store.branch.BranchWaits;
import io.hallwatch.sla.store.policy.PolicyStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes a {@link BranchStatus} from the monitor's tables. */
@ApplicationScoped
public class BranchStatusQuery {
    private final Db db;
    private final BranchWaits waits;
    private final PolicyStore policies;
    private final BreachRecorder breaches;
    private final SlaConfig config;

    BranchStatusQuery(Db db, BranchWaits waits, PolicyStore policies, BreachRecorder breaches, SlaConfig config) {
        this.db = db;
        this.waits = waits;
        this.policies = policies;
        this.breaches = breaches;
        this.config = config;
    }

    public BranchStatus status(String branch, Instant now) {
        Instant stale = now.minus(config.staleAfter());
        record Row(String type, long waiting, Instant oldest, long inService) {
        }
        List<Row> rows = db.list("""
                SELECT COALESCE(business_type, 'UNKNOWN') AS type,
                    count(*) FILTER (WHERE issued_at <= ? AND issued_at > ? AND (wait_ended_at IS NULL OR wait_ended_at > ?)) AS waiting,
                    min(issued_at) FILTER (WHERE issued_at <= ? AND issued_at > ? AND (wait_ended_at IS NULL OR wait_ended_at > ?)) AS oldest,
                    count(*) FILTER (WHERE service_started_at <= ? AND service_started_at > ?
                                     AND (service_finished_at IS NULL OR service_finished_at > ?)) AS in_service
                FROM sla_ticket
                WHERE branch_id = ? AND (issued_at > ? OR service_started_at > ?)
                GROUP BY 1""",
                rs -> new Row(rs.getString("type"), rs.getLong("waiting"), Db.instant(rs, "oldest"), rs.getLong("in_service")),
                now, stale, now, now, stale, now, now, stale, now, branch, stale, stale);
        Map<String, long[]> open = new TreeMap<>();
        db.list("""
                SELECT COALESCE(business_type, 'UNKNOWN') AS type, level, count(*) AS n FROM sla_breach
                WHERE branch_id = ? AND ticket_id IS NOT NULL AND status = 'OPEN' GROUP BY 1, 2""",
                rs -> {
                    long[] counts = open.computeIfAbsent(rs.getString("type"), t -> new long[2]);
                    counts["BREACH".equals(rs.getString("level")) ? 0 : 1] += rs.getLong("n");
                    return null;
                }, branch);

        Map<String, BranchStatus.TypeStatus> byType = new TreeMap<>();
        for (Row r : rows) {
            long[] o = open.getOrDefault(r.type(), new long[2]);
            byType.put(r.type(), new BranchStatus.TypeStatus(r.type(), r.waiting(), seconds(r.oldest(), now), r.inService(), o[0], o[1]));
        }
        open.forEach((type, o) -> byType.putIfAbsent(type, new BranchStatus.TypeStatus(type, 0, 0, 0, o[0], o[1])));
        List<BranchStatus.TypeStatus> types = new ArrayList<>(byType.values());

        BranchAverageLimits limits = PolicyResolver.branchAverage(policies.history().at(now), branch);
        RollingAverage average = waits.rollingAverage(branch, now, limits.window(), config.staleAfter());
        boolean branchBreached = breaches.branchAverageOpen(branch);
        long waitingNow = types.stream().mapToLong(BranchStatus.TypeStatus::waitingNow).sum();
        long oldest = types.stream().mapToLong(BranchStatus.TypeStatus::oldestWaitSeconds).max().orElse(0);
        long inService = types.stream().mapToLong(BranchStatus.TypeStatus::inServiceNow).sum();
        long openBreaches = types.stream().mapToLong(BranchStatus.TypeStatus::openBreaches).sum() + (branchBreached ? 1 : 0);
        long openWarnings = types.stream().mapToLong(BranchStatus.TypeStatus::openWarnings).sum();
        return new BranchStatus(branch, now, waitingNow, oldest, inService,
                new BranchStatus.RollingAverageView(average.mean().toSeconds(), average.waits(), limits.window().toSeconds(),
                        limits.limit().toSeconds(), branchBreached),
                openBreaches, openWarnings, types);
    }

    private static long seconds(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
    }
}
