package io.hallwatch.sla.domain.breach;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.SlaRule;
import io.hallwatch.sla.domain.detection.SlaKind;

import java.time.Instant;
import java.util.UUID;

/**
 * A warning or breach as stored and as the API shows it. {@code deadline} is when the limit was
 * (or will be) reached; for a branch-average breach there is no ticket, no deadline, and
 * {@code actualSeconds} is the rolling mean when it was detected.
 */
public record Breach(UUID breachId, SlaKind kind, SlaRule rule, String level, String branchId, String ticketId,
                     String ticketNumber, String businessType, CustomerTier customerTier, String counterId, String clerkId,
                     long limitSeconds, long actualSeconds, Instant startedAt, Instant deadline, Instant detectedAt,
                     boolean detectedLate, BreachStatus status, Instant resolvedAt, Long resolvedActualSeconds) {
}
