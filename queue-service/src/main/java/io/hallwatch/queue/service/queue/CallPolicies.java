package io.hallwatch.queue.service.queue;

import io.hallwatch.common.standard.StandardReplica;
import io.hallwatch.common.standard.StandardResolver;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.StandardChanged;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.queue.CallPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The call policy of a branch under the service standard in force now: each ticket at risk by its own
 * wait limit (branch, business type, tier), so that a change of the standard moves the call order at
 * once, and the queue never protects a different number than the monitor judges.
 */
@ApplicationScoped
public class CallPolicies {
    private final StandardReplica standard;
    private final Duration atRiskMargin;

    CallPolicies(StandardReplica standard, QueueConfig config) {
        this.standard = standard;
        this.atRiskMargin = config.atRiskMargin();
    }

    /** For one call or one listing: the standard is read once, each (type, tier) resolved once. */
    public CallPolicy forBranch(String branchId) {
        StandardChanged version = standard.require();
        Map<String, Duration> limits = new HashMap<>();
        return new CallPolicy(t -> limits.computeIfAbsent(t.businessType() + "/" + t.tier(),
                k -> waitLimit(version, branchId, t.businessType(), t.tier())), atRiskMargin);
    }

    /** The wait limit of one ticket under the standard in force. */
    public Duration waitLimit(String branchId, String businessType, CustomerTier tier) {
        return waitLimit(standard.require(), branchId, businessType, tier);
    }

    /** The handling limit a type starts its learned mean from, at a branch. */
    public Duration handlingLimit(String branchId, String businessType) {
        return StandardResolver.handlingLimit(standard.require(), branchId, businessType, null);
    }

    private static Duration waitLimit(StandardChanged version, String branchId, String businessType, CustomerTier tier) {
        return StandardResolver.waitLimit(version, branchId, businessType, tier);
    }
}
