package io.hallwatch.events;

import java.time.Instant;

/**
 * A kiosk issued a ticket; the customer is now waiting. {@code customerRef} is the opaque CRM
 * reference a kiosk may pass (a membership card scan, say), which only the marketing service can
 * resolve; never a phone number. {@code estimatedWaitSeconds} is the wait the customer was told;
 * {@code breachPredicted} that it already exceeded the ticket's wait limit, so the customer was told
 * so and offered other channels or a nearby branch (both absent from producers before they existed).
 * {@code walkIn}: the ticket was created by a counter for a customer it serves without a ticket; it is
 * called at that counter at once (a {@link TicketCalled} with the same instant follows) and never judged
 * against the wait standard (absent or false: an ordinary kiosk ticket).
 */
public record TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant issuedAt,
                           @Nullable String customerRef, @Nullable Long estimatedWaitSeconds,
                           @Nullable Boolean breachPredicted, @Nullable Boolean walkIn) implements TicketEvent {

    /** An issue without the estimate (as producers before it, and tests that do not care, make it). */
    public TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType, CustomerTier customerTier,
                        Instant issuedAt, String customerRef) {
        this(ticketId, branchId, ticketNumber, businessType, customerTier, issuedAt, customerRef, null, null, null);
    }

    /** A kiosk ticket with its estimate (not a walk-in). */
    public TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType, CustomerTier customerTier,
                        Instant issuedAt, String customerRef, Long estimatedWaitSeconds, Boolean breachPredicted) {
        this(ticketId, branchId, ticketNumber, businessType, customerTier, issuedAt, customerRef, estimatedWaitSeconds,
                breachPredicted, null);
    }

    /** Whether the ticket is a walk-in served at a counter without queueing. */
    public boolean servedAsWalkIn() {
        return Boolean.TRUE.equals(walkIn);
    }
}
