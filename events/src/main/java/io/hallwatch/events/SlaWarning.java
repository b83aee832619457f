package io.hallwatch.events;

import java.time.Instant;

/**
 * A rule's early-warning fraction of its limit has passed (by default 80 %). {@code counterId} and
 * {@code clerkId} name the counter serving the ticket, where the monitor knows it.
 */
public record SlaWarning(String breachId, String branchId, @Nullable String ticketId, @Nullable String ticketNumber,
                         @Nullable String businessType, @Nullable CustomerTier customerTier, SlaRule rule,
                         long limitSeconds, long actualSeconds, @Nullable Instant startedAt, @Nullable Instant deadline,
                         Instant detectedAt,
                         @Nullable String counterId, @Nullable String clerkId) implements SlaEvent {
}
