package io.hallwatch.sla.domain.policy;

import io.hallwatch.common.standard.BranchAverageLimits;
import io.hallwatch.common.standard.StandardLimits;
import io.hallwatch.common.standard.StandardResolver;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceStandard;
import java.time.Duration;

/**
 * Resolves the limits of one ticket or one branch from a policy version, by the platform's one rule
 * of which limit applies ({@code io.hallwatch.common.standard.StandardResolver}), the same that the
 * queue and the counter apply to the versions they learn from hallwatch.standard.v1.
 */
public final class PolicyResolver {
    private PolicyResolver() {
    }

    /**
     * @param waitType    the business type the ticket was issued for
     * @param serviceType the business type being served (null before service: the wait type then)
     */
    public static StandardLimits ticketLimits(PolicyVersion version, String branchId, String waitType, String serviceType,
                                              CustomerTier tier) {
        return StandardResolver.ticketLimits(version.version(), version.document(), branchId, waitType, serviceType, tier);
    }

    public static BranchAverageLimits branchAverage(PolicyVersion version, String branchId) {
        return StandardResolver.branchAverage(version.version(), version.document(), branchId);
    }

    /** The widest branch-average window of any branch: how far back a branch's waits can still count. */
    public static Duration widestAverageWindow(PolicyVersion version) {
        ServiceStandard doc = version.document();
        int widest = doc.branchAverage().windowSeconds();
        for (ServiceStandard.OverrideRule o : doc.overrides()) {
            if (o.averageWindowSeconds() != null) {
                widest = Math.max(widest, o.averageWindowSeconds());
            }
        }
        return Duration.ofSeconds(widest);
    }
}
