package io.hallwatch.sla.domain.alerting;

import java.time.Instant;

/** A branch's duty roster as stored, unmasked (for delivery only), at its revision. */
public record BranchRoster(String branchId, DutyRoster roster, int revision, Instant updatedAt) {
}
