package io.hallwatch.events;

import java.time.Instant;

/**
 * A ticket joined the queue; the customer is now waiting (at the kiosk, or, for a remote ticket or an appointment,
 * at the customer's check-in: {@code origin} says which, and {@code issuedAt} is then the check-in). {@code customerRef} is the opaque CRM
 * reference a kiosk may pass (a membership card scan, say), which only the marketing service can
 * resolve; never a phone number. {@code estimatedWaitSeconds} is the wait the customer was told;
 * {@code breachPredicted} that it already exceeded the ticket's wait limit, so the customer was told
 * so and offered other channels or a nearby branch (both absent from producers before they existed).
 * {@code walkIn}: the ticket was created by a counter for a customer it serves without a ticket; it is
 * called at that counter at once (a {@link TicketCalled} with the same instant follows) and never judged
 * against the wait standard (absent or false: an ordinary kiosk ticket). {@code waitFrom}: where the wait is judged
 * from when that is later than {@code issuedAt}: an appointment checked in before its slot waits from the slot's start
 * (absent: from {@code issuedAt}).
 */
public record TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant issuedAt,
                           @Nullable String customerRef, @Nullable Long estimatedWaitSeconds,
                           @Nullable Boolean breachPredicted, @Nullable Boolean walkIn,
                           @Nullable TicketOrigin origin, @Nullable Instant waitFrom) implements TicketEvent {

    /** An issue without the estimate (as producers before it, and tests that do not care, make it). */
    public TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType, CustomerTier customerTier,
                        Instant issuedAt, String customerRef) {
        this(ticketId, branchId, ticketNumber, businessType, customerTier, issuedAt, customerRef, null, null, null, null, null);
    }

    /** A kiosk ticket or a walk-in, as producers before remote tickets and appointments made them. */
    public TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType, CustomerTier customerTier,
                        Instant issuedAt, String customerRef, Long estimatedWaitSeconds, Boolean breachPredicted, Boolean walkIn) {
        this(ticketId, branchId, ticketNumber, businessType, customerTier, issuedAt, customerRef, estimatedWaitSeconds,
                breachPredicted, walkIn, null, null);
    }

    /** A kiosk ticket with its estimate (not a walk-in). */
    public TicketIssued(String ticketId, String branchId, String ticketNumber, String businessType, CustomerTier customerTier,
                        Instant issuedAt, String customerRef, Long estimatedWaitSeconds, Boolean breachPredicted) {
        this(ticketId, branchId, ticketNumber, businessType, customerTier, issuedAt, customerRef, estimatedWaitSeconds,
                breachPredicted, null, null, null);
    }

    /** Where the wait clock starts: {@code waitFrom} where it is later than the issue (check-in), else the issue. */
    public Instant waitClockStart() {
        return waitFrom != null && waitFrom.isAfter(issuedAt) ? waitFrom : issuedAt;
    }

    /** Whether the ticket is a walk-in served at a counter without queueing. */
    public boolean servedAsWalkIn() {
        return Boolean.TRUE.equals(walkIn);
    }
}
