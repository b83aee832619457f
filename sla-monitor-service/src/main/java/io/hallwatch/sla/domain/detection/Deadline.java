package io.hallwatch.sla.domain.detection;

import java.time.Instant;

/** A moment at which a ticket's condition must be looked at again: a timer. */
public record Deadline(SlaKind kind, Instant dueAt) {
}
