package io.hallwatch.events;

import java.time.Instant;

/**
 * A kiosk issued a ticket; the customer is now waiting. {@code customerRef} is the opaque CRM
 * reference a kiosk may pass (a membership card scan, say), which only the marketing service can
 * resolve; never a phone number. {@code estimatedWaitSeconds} is the wait the customer was told;
 * {@code breachPredicted} that it already exceeded the ticket's wait limit, so the customer was told
 * so and offered other channels or a nearby branch (both absent from producers before they existed).
 */
public record TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant issuedAt,
                           @Nullable String customerRef, @Nullable Long estimatedWaitSeconds,
                           @Nullable Boolean breachPredicted) implements TicketEvent {

    /** An issue without the estimate (as producers before it, and tests that do not care, make it). */
    public TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType, CustomerTier customerTier,
                        Instant issuedAt, String customerRef) {
        this(ticketId, branchId, ticketNumber, businessType, customerTier, issuedAt, customerRef, null, null);
    }
}
