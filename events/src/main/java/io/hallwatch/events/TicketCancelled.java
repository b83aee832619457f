package io.hallwatch.events;

import java.time.Instant;

/** The ticket was cancelled before service, by the customer or the floor staff. */
public record TicketCancelled(String ticketId, String branchId, String ticketNumber, String businessType,
                              CustomerTier customerTier, Instant cancelledAt, @Nullable String reason) implements TicketEvent {
}
