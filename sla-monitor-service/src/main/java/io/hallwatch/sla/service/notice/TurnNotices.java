package io.hallwatch.sla.service.notice;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketClosed;
import io.hallwatch.events.TicketNoShow;
import io.hallwatch.events.TicketTurnNear;
import io.hallwatch.sla.store.notice.ContactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tickets topic's part in "your turn is near", taken from the timeline consumer's poll in its transaction (each
 * event once: the journal): {@code hallwatch.ticket.turn-near.v1} makes the ticket's notice due (a redelivery changes
 * nothing); a ticket called, cancelled, closed or marked no-show loses its unsent notice and number, so it is never
 * told once called and the number is kept no longer than needed. The sending is {@link TurnNoticeSender}'s, on its own
 * thread: a slow gateway never holds up the SLA judgement.
 */
@ApplicationScoped
public class TurnNotices {
    private final ContactStore store;
    private final TurnNoticeSender sender;
    private final AfterCommit afterCommit;
    private final Clock clock;

    TurnNotices(ContactStore store, TurnNoticeSender sender, AfterCommit afterCommit, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAll(List<CloudEvent<?>> events) {
        boolean due = false;
        Set<String> ended = new LinkedHashSet<>();
        for (CloudEvent<?> e : events) {
            Object data = e.data();
            if (data instanceof TicketTurnNear t) {
                // Ended earlier in this poll (the queue's watch raced a call): never told.
                if (!ended.contains(t.ticketId())) {
                    due |= store.markDue(t.ticketId(), t.branchId(), t.ticketNumber(), t.peopleAhead(), clock.instant());
                }
            } else if (data instanceof TicketCalled c) {
                ended.add(c.ticketId());
            } else if (data instanceof TicketCancelled c) {
                ended.add(c.ticketId());
            } else if (data instanceof TicketClosed c) {
                ended.add(c.ticketId());
            } else if (data instanceof TicketNoShow n) {
                ended.add(n.ticketId());
            }
        }
        // One statement for the poll's ended tickets, after the notices made due in it (those end too).
        store.forgetUnsent(ended);
        if (due) {
            afterCommit.run(sender::wake);
        }
    }
}
