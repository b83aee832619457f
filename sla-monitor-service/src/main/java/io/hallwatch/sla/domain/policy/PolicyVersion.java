package io.hallwatch.sla.domain.policy;

import java.time.Instant;
import java.util.List;

/**
 * One immutable version of the SLA policy. It applies to tickets issued at or after
 * {@code effectiveFrom}; tickets issued before keep the version they were issued under.
 * {@code changes} is what this version changed against the one before: the audit trail.
 */
public record PolicyVersion(int version, Instant effectiveFrom, String changedBy, String reason,
                            PolicyDocument document, List<String> changes) {
    public PolicyVersion {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
