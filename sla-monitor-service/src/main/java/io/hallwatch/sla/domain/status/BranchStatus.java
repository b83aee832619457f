package io.hallwatch.sla.domain.status;

import io.hallwatch.sla.domain.branch.RollingAverage;
import io.hallwatch.common.standard.BranchAverageLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A branch's SLA situation now: who waits, for how long at most, the rolling mean against its
 * limit, and what is open, overall and per business type.
 */
public record BranchStatus(String branchId, Instant asOf, long waitingNow, long oldestWaitSeconds, long inServiceNow,
                           RollingAverageView rollingAverage, long openBreaches, long openWarnings,
                           List<TypeStatus> byBusinessType, Delay delayed) {

    /**
     * The branch's judgement waits for a producer: a deadline is due that the producer's watermark
     * has not reached (its relay stalls, or it is down). Breaches then come late, never falsely.
     *
     * @param waitingFor the producers (services) whose promise is awaited
     * @param since      the earliest deadline waiting
     */
    public record Delay(List<String> waitingFor, Instant since, long seconds) {
    }

    /** This status with its delay, if any. */
    public BranchStatus withDelay(Delay delay) {
        return new BranchStatus(branchId, asOf, waitingNow, oldestWaitSeconds, inServiceNow, rollingAverage, openBreaches,
                openWarnings, byBusinessType, delay);
    }

    public record RollingAverageView(long meanWaitSeconds, long waits, long windowSeconds, long limitSeconds, boolean breached) {
    }

    public record TypeStatus(String businessType, long waitingNow, long oldestWaitSeconds, long inServiceNow,
                             long openBreaches, long openWarnings) {
    }

    /** Of one business type now: customers waiting, since when the longest wait runs, services running. */
    public record TypeNow(String businessType, long waiting, Instant oldestIssuedAt, long inService) {
    }

    /** Open findings about tickets of one business type. */
    public record OpenFindings(long breaches, long warnings) {
        static final OpenFindings NONE = new OpenFindings(0, 0);
    }

    /**
     * The status from its parts: per business type what waits and runs ({@code now}) and what is open
     * ({@code open}, by type), the branch's rolling average against its limits, and whether its
     * branch-average breach is open (counted among the open breaches).
     */
    public static BranchStatus of(String branchId, Instant asOf, List<TypeNow> now, Map<String, OpenFindings> open,
                                  RollingAverage average, BranchAverageLimits limits, boolean branchBreached) {
        Map<String, TypeStatus> byType = new TreeMap<>();
        for (TypeNow r : now) {
            OpenFindings o = open.getOrDefault(r.businessType(), OpenFindings.NONE);
            byType.put(r.businessType(), new TypeStatus(r.businessType(), r.waiting(), seconds(r.oldestIssuedAt(), asOf),
                    r.inService(), o.breaches(), o.warnings()));
        }
        open.forEach((type, o) -> byType.putIfAbsent(type, new TypeStatus(type, 0, 0, 0, o.breaches(), o.warnings())));
        List<TypeStatus> types = new ArrayList<>(byType.values());
        long waitingNow = types.stream().mapToLong(TypeStatus::waitingNow).sum();
        long oldest = types.stream().mapToLong(TypeStatus::oldestWaitSeconds).max().orElse(0);
        long inService = types.stream().mapToLong(TypeStatus::inServiceNow).sum();
        long openBreaches = types.stream().mapToLong(TypeStatus::openBreaches).sum() + (branchBreached ? 1 : 0);
        long openWarnings = types.stream().mapToLong(TypeStatus::openWarnings).sum();
        return new BranchStatus(branchId, asOf, waitingNow, oldest, inService,
                new RollingAverageView(average.mean().toSeconds(), average.waits(), limits.window().toSeconds(),
                        limits.limit().toSeconds(), branchBreached),
                openBreaches, openWarnings, types, null);
    }

    private static long seconds(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
    }
}
