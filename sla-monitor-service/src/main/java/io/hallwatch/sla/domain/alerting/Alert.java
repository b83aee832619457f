package io.hallwatch.sla.domain.alerting;

import java.time.Instant;

/**
 * An alert as stored and as the API shows it: a page about one or more breaches of a branch (and
 * the hours the queue forecast understaffed, {@code understaffedHours}, grouped with them), its
 * status (OPEN, ACKNOWLEDGED, QUIET, UNROUTED), the escalation level it reached, and who
 * acknowledged it when.
 */
public record Alert(String alertId, String branchId, String status, int level, Instant createdAt, Instant levelAt,
                    Instant breachDetectedAt, int breaches, int understaffedHours, Instant firstDeliveredAt, Instant ackedAt,
                    String ackedBy) {
}
