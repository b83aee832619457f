package io.hallwatch.events;

import java.time.Instant;

/**
 * A counter called the ticket. Carries {@code issuedAt} and the wait so far ({@code waitSeconds}: from
 * issue, or from the original issue for a transferred ticket; for a ticket parked and returned to the
 * queue, the wait before the park plus the wait since its return), so that a consumer that sees this
 * before the issue event can still measure the wait.
 * <p>
 * Optional, absent from producers before they existed: {@code outOfOrder} says the clerk chose this
 * ticket ahead of one the call order would have called first, for {@code callReason} (a
 * {@link CallReason} name), and {@code walkIn} that the ticket is a walk-in created at this counter (no
 * wait). A ticket parked and returned to the queue is called again with another of these.
 */
public record TicketCalled(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant issuedAt, Instant calledAt,
                           String counterId, String clerkId, long waitSeconds,
                           @Nullable Boolean outOfOrder, @Nullable String callReason, @Nullable Boolean walkIn) implements TicketEvent {

    /** An ordinary call-next (as producers before the visit features, and tests that do not care, make it). */
    public TicketCalled(String ticketId, String branchId, String ticketNumber, String businessType, CustomerTier customerTier,
                        Instant issuedAt, Instant calledAt, String counterId, String clerkId, long waitSeconds) {
        this(ticketId, branchId, ticketNumber, businessType, customerTier, issuedAt, calledAt, counterId, clerkId, waitSeconds,
                null, null, null);
    }

    public boolean calledOutOfOrder() {
        return Boolean.TRUE.equals(outOfOrder);
    }

    public boolean servedAsWalkIn() {
        return Boolean.TRUE.equals(walkIn);
    }
}
