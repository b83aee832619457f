package io.hallwatch.events;

import java.time.Instant;

/** A kiosk issued a ticket; the customer is now waiting. */
public record TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant issuedAt) implements TicketEvent {
}
