package io.hallwatch.queue.events.notice;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.TicketTurnNear;
import io.hallwatch.queue.domain.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Publishes {@code hallwatch.ticket.turn-near.v1} on the tickets topic through the transactional outbox, in the
 * transaction that marks the consent told, so the SLA monitor hears of it exactly when that commits. No phone number.
 */
@ApplicationScoped
public class TurnNoticeEvents {
    private final Outbox outbox;

    TurnNoticeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void turnNear(Ticket t, int peopleAhead, Instant at) {
        outbox.publish(at, new TicketTurnNear(t.id.toString(), t.branchId, t.number, t.businessType, peopleAhead, at));
    }
}
