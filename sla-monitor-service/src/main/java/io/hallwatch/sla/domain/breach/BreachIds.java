package io.hallwatch.sla.domain.breach;

import io.hallwatch.sla.domain.detection.SlaKind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A finding's id, derived from what it is about, so that every instance and every replay names
 * it the same (and the unique keys can tell a finding seen before).
 */
public final class BreachIds {
    private BreachIds() {
    }

    /** A ticket's finding of one kind: there is at most one. */
    public static UUID of(String ticketId, SlaKind kind) {
        return UUID.nameUUIDFromBytes(("hallwatch-sla:" + ticketId + ":" + kind.name()).getBytes(StandardCharsets.UTF_8));
    }

    /** A branch-average breach, opened by the evaluation as of {@code asOf}. */
    public static UUID ofBranchAverage(String branchId, Instant asOf) {
        return UUID.nameUUIDFromBytes(("hallwatch-sla:" + branchId + ":" + SlaKind.BRANCH_AVERAGE_BREACH + ":" + asOf)
                .getBytes(StandardCharsets.UTF_8));
    }
}
