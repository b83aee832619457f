package io.hallwatch.queue.events.ticket;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.RemoteTicketTaken;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketCloseReason;
import io.hallwatch.events.TicketClosed;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.ParkPosition;
import io.hallwatch.events.TicketNoShow;
import io.hallwatch.events.TicketParked;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.TicketTransferred;
import io.hallwatch.queue.domain.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Publishes the ticket events (hallwatch.tickets.v1) through the transactional outbox: each is
 * written in the caller's transaction, with the change it reports, so it is sent exactly when that
 * change commits ({@link Outbox#publish} insists on that transaction). The payload is the ticket
 * as it stands after the change.
 */
@ApplicationScoped
public class TicketEvents {

    private final Outbox outbox;

    TicketEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The ticket joined the queue: issued at the kiosk or a counter (walk-in), or checked in (remote, appointment). */
    public void issued(Ticket t) {
        Instant waitFrom = t.waitClockFrom != null && t.waitClockFrom.isAfter(t.issuedAt) ? t.waitClockFrom : null;
        outbox.publish(t.issuedAt, new TicketIssued(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, t.issuedAt,
                t.customerRef, t.estimatedWaitSeconds == null ? null : t.estimatedWaitSeconds.longValue(), t.breachPredicted,
                t.walkIn ? Boolean.TRUE : null, t.origin, waitFrom));
    }

    /** A remote ticket was taken: numbered, not in the queue until its check-in. */
    public void remoteTaken(Ticket t) {
        outbox.publish(t.issuedAt, new RemoteTicketTaken(t.id.toString(), t.branchId, t.number, t.businessType, t.tier,
                t.issuedAt, t.checkInBy));
    }

    public void called(Ticket t, Duration waited) {
        outbox.publish(t.calledAt, new TicketCalled(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, t.issuedAt,
                t.calledAt, t.counterId, t.clerkId, waited.toSeconds(), t.callReason != null ? t.outOfOrder : null,
                t.callReason, t.walkIn ? Boolean.TRUE : null));
    }

    public void recalled(Ticket t, Instant at) {
        outbox.publish(at, new TicketRecalled(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, at, t.counterId,
                t.recallCount));
    }

    public void noShow(Ticket t) {
        outbox.publish(t.endedAt, new TicketNoShow(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, t.endedAt,
                t.counterId));
    }

    /** {@code reason}: the customer's, or null. */
    public void cancelled(Ticket t, String reason) {
        outbox.publish(t.endedAt, new TicketCancelled(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, t.endedAt,
                reason));
    }

    /** The day ended with the ticket {@code statusAtClose} (WAITING or CALLED): closed unserved, BRANCH_CLOSED. */
    public void closed(Ticket t, String statusAtClose) {
        outbox.publish(t.endedAt, new TicketClosed(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, t.endedAt,
                TicketCloseReason.BRANCH_CLOSED, statusAtClose, t.serviceDay));
    }

    /** The visit went back to the queue at {@code at}; it was {@code statusAtPark} at {@code counterId}, {@code kept} the wait kept. */
    public void parked(Ticket t, Instant at, ParkPosition position, String statusAtPark, String counterId, String clerkId,
                       Duration kept) {
        outbox.publish(at, new TicketParked(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, at, position,
                statusAtPark, counterId, clerkId, kept.toSeconds()));
    }

    public void transferred(Ticket t, Instant at) {
        outbox.publish(at, new TicketTransferred(t.id.toString(), t.branchId, t.number, t.businessType, t.tier,
                t.previousBusinessType, at));
    }
}
