package io.hallwatch.events;

import java.time.Instant;

/**
 * An SLA finding of the monitor. {@code ticketId} and the other ticket fields are null for the
 * branch-level rule, whose subject is then the branch itself.
 */
public sealed interface SlaEvent extends EventPayload permits SlaWarning, SlaBreached, SlaCleared {

    String breachId();

    String ticketId();

    SlaRule rule();

    Instant detectedAt();

    @Override
    default String subject() {
        return ticketId() != null ? ticketId() : branchId();
    }
}
