package io.hallwatch.events;

import java.time.Instant;

/** The called customer arrived at the counter and the clerk started serving. */
public record ServiceStarted(String ticketId, String branchId, String ticketNumber, String businessType,
                             CustomerTier customerTier, String counterId, String clerkId,
                             Instant startedAt) implements TicketEvent {
}
