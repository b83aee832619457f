package io.hallwatch.events;

import java.time.Instant;

/**
 * A customer took a ticket remotely (mini-program, online hall) before coming: it is numbered but not in the queue;
 * it joins the queue when the customer checks in at the kiosk by {@code checkInBy} (a {@link TicketIssued} with origin
 * REMOTE then), and is cancelled ({@link TicketCancelled}, reason REMOTE_EXPIRED) if nobody does. Not a
 * {@link TicketEvent}: nobody waits yet, so the consumers that follow a ticket's wait pass it by.
 */
public record RemoteTicketTaken(String ticketId, String branchId, String ticketNumber, String businessType,
                                CustomerTier customerTier, Instant takenAt, Instant checkInBy) implements EventPayload {

    @Override
    public String subject() {
        return ticketId;
    }
}
