package io.hallwatch.events;

import java.time.Instant;

/**
 * A kiosk issued a ticket; the customer is now waiting. {@code customerRef} is the opaque CRM
 * reference a kiosk may pass (a membership card scan, say), which only the marketing service can
 * resolve; never a phone number.
 */
public record TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant issuedAt,
                           @Nullable String customerRef) implements TicketEvent {
}
