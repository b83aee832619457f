package io.hallwatch.sla.domain.detection;

import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.sla.domain.policy.PolicyResolver;
import io.hallwatch.common.standard.StandardLimits;

import java.time.Instant;

/** The limits a ticket is judged by: from the policy version in force when it was issued. */
public final class LimitsFor {
    private LimitsFor() {
    }

    public static StandardLimits ticket(PolicyHistory history, TicketFacts facts) {
        // Until the issue is known, the earliest moment seen stands in for it; the limits are
        // resolved again when the issue event arrives.
        Instant issued = facts.issuedAt() != null ? facts.issuedAt()
                : facts.typeHintAt() != null ? facts.typeHintAt() : facts.ticketNumberAt();
        return PolicyResolver.ticketLimits(history.at(issued == null ? Instant.EPOCH : issued), facts.branchId(),
                facts.waitBusinessType(), facts.serviceBusinessType(), facts.customerTier());
    }
}
