package io.hallwatch.counter.service.counter;

import io.hallwatch.common.standard.StandardReplica;
import io.hallwatch.common.standard.StandardResolver;
import io.hallwatch.events.CustomerTier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The handling-time limit of a service at a counter: the service standard's for the branch, the
 * business type served and the customer's tier, as the monitor judges it, learned from
 * {@code hallwatch.standard.v1} rather than kept here.
 */
@ApplicationScoped
public class HandlingLimits {
    private final StandardReplica standard;

    HandlingLimits(StandardReplica standard) {
        this.standard = standard;
    }

    public int secondsFor(String branchId, String businessType, String tier) {
        CustomerTier customerTier = tier == null ? null : CustomerTier.valueOf(tier);
        return (int) StandardResolver.handlingLimit(standard.require(), branchId, businessType, customerTier).toSeconds();
    }
}
