package io.hallwatch.sla.domain.breach;

import io.hallwatch.sla.domain.detection.SlaKind;

import java.time.Instant;

/**
 * Which findings to list; a null field does not filter.
 *
 * @param from detected at or after
 * @param to   detected before
 */
public record BreachFilter(String branchId, SlaKind kind, BreachStatus status, Instant from, Instant to) {
}
