package io.hallwatch.sla.domain.policy;

import io.hallwatch.events.ServiceStandard;
import io.hallwatch.events.StandardChanged;

import java.time.Instant;
import java.util.List;

/**
 * One immutable version of the SLA policy. It applies to tickets issued at or after
 * {@code effectiveFrom}; tickets issued before keep the version they were issued under.
 * {@code changes} is what this version changed against the one before: the audit trail.
 */
public record PolicyVersion(int version, Instant effectiveFrom, String changedBy, String reason,
                            ServiceStandard document, List<String> changes) {
    public PolicyVersion {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** This version as the rest of the platform learns it (hallwatch.standard.v1). */
    public StandardChanged asEvent() {
        return new StandardChanged(version, effectiveFrom, changedBy, reason, document, changes);
    }
}
