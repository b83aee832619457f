package io.hallwatch.events;

import java.time.Instant;

/**
 * A rule's limit was exceeded. {@code detectedLate} is true where the monitor learned of it only
 * after the deadline (it was down, or the events arrived late). {@code counterId} and
 * {@code clerkId} name the counter that called or serves the ticket, where the monitor knows it:
 * a customer still waiting has none yet.
 */
public record SlaBreached(String breachId, String branchId, @Nullable String ticketId, @Nullable String ticketNumber,
                          @Nullable String businessType, @Nullable CustomerTier customerTier, SlaRule rule,
                          long limitSeconds, long actualSeconds, @Nullable Instant startedAt, @Nullable Instant deadline,
                          Instant detectedAt, boolean detectedLate,
                          @Nullable String counterId, @Nullable String clerkId) implements SlaEvent {
}
