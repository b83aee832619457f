package io.hallwatch.sla.domain.status;

import java.time.Instant;
import java.util.List;

/**
 * A branch's SLA situation now: who waits, for how long at most, the rolling mean against its
 * limit, and what is open, overall and per business type.
 */
public record BranchStatus(String branchId, Instant asOf, long waitingNow, long oldestWaitSeconds, long inServiceNow,
                           RollingAverageView rollingAverage, long openBreaches, long openWarnings,
                           List<TypeStatus> byBusinessType) {

    public record RollingAverageView(long meanWaitSeconds, long waits, long windowSeconds, long limitSeconds, boolean breached) {
    }

    public record TypeStatus(String businessType, long waitingNow, long oldestWaitSeconds, long inServiceNow,
                             long openBreaches, long openWarnings) {
    }
}
