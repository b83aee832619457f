package io.hallwatch.queue.service.notice;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.notice.TurnNotice;
import io.hallwatch.queue.domain.notice.TurnNoticeRule;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.events.notice.TurnNoticeEvents;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.service.ticket.TicketService;
import io.hallwatch.queue.service.ticket.TicketStanding;
import io.hallwatch.queue.store.notice.TurnNoticeStore;
import io.hallwatch.queue.store.ticket.TicketStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * "Your turn is near" (issue 25, item 7) as the queue sees it: the customer's consent, and the watch that tells the
 * SLA monitor ({@code hallwatch.ticket.turn-near.v1}) once the ticket has the branch's {@code turnNoticeAhead} people
 * ahead or fewer. The people ahead are what {@code GET /tickets/{id}} answers ({@link TicketService#find}): the call
 * order is not computed a second way here.
 */
@ApplicationScoped
public class TurnNoticeService {
    private final TicketService tickets;
    private final TicketStore ticketRows;
    private final TurnNoticeStore notices;
    private final TurnNoticeEvents events;
    private final CatalogueService catalogue;
    private final Clock clock;
    private final int batch;

    TurnNoticeService(TicketService tickets, TicketStore ticketRows, TurnNoticeStore notices, TurnNoticeEvents events,
                      CatalogueService catalogue, Clock clock, QueueConfig config) {
        this.tickets = tickets;
        this.ticketRows = ticketRows;
        this.notices = notices;
        this.events = events;
        this.catalogue = catalogue;
        this.clock = clock;
        this.batch = config.turnNotice().batch();
    }

    /** The consent as recorded, with the ticket's number and the branch's setting; {@code created} the first time. */
    public record Consent(TurnNotice notice, String ticketNumber, int turnNoticeAhead, boolean created) {
    }

    /**
     * Records that the ticket's customer wants to be told (no phone here). Repeating it changes nothing. The ticket
     * is read, not locked: a counter calling it meanwhile is not held up, and a ticket called after this is never told.
     */
    @Transactional
    public Consent consent(UUID ticketId) {
        Ticket t = ticket(ticketId);
        if (!TurnNoticeRule.mayConsent(t.status, t.parkCount)) {
            throw ProblemException.conflict("invalid-transition", "Ticket " + t.number + " is " + t.status
                    + (t.parkCount > 0 ? " after a park" : "") + ": only a ticket waiting for its first call can be told its turn is near");
        }
        boolean created = notices.insertIfAbsent(t.id, t.branchId, clock.instant());
        TurnNotice notice = notices.find(t.id).orElseThrow();
        return new Consent(notice, t.number, catalogue.branchSetup(t.branchId).turnNoticeAhead(), created);
    }

    /** The branch a ticket belongs to, for the caller's scope check. */
    public String branchOf(UUID ticketId) {
        return ticket(ticketId).branchId;
    }

    /**
     * One watch: forgets the consents whose ticket ended untold, then tells every waiting consenting customer whose
     * turn is near, a batch per transaction. Returns how many were told.
     */
    public int tellDue() {
        return tellDue(batch);
    }

    /**
     * {@link #tellDue()} in batches of {@code batchSize}, each after the last consent of the one before (in request
     * order): the consents not near yet stay untold, so a batch never takes them again in the same watch.
     */
    public int tellDue(int batchSize) {
        int told = 0;
        QuarkusTransaction.requiringNew().run(notices::forgetEndedUntold);
        TurnNoticeStore.Cursor after = TurnNoticeStore.Cursor.FIRST;
        while (after != null) {
            TurnNoticeStore.Cursor from = after;
            Round round = QuarkusTransaction.requiringNew().call(() -> tellSome(from, batchSize));
            told += round.told();
            after = round.taken() == batchSize ? round.last() : null;
        }
        return told;
    }

    private record Round(int taken, int told, TurnNoticeStore.Cursor last) {
    }

    /** Up to a batch of untold consents after {@code after}, locked, each told if its turn is near, with its event. */
    @Transactional(Transactional.TxType.MANDATORY)
    Round tellSome(TurnNoticeStore.Cursor after, int batchSize) {
        List<TurnNoticeStore.Cursor> untold = notices.lockUntoldWaiting(after, batchSize);
        int told = 0;
        for (TurnNoticeStore.Cursor c : untold) {
            UUID id = c.ticketId();
            TicketStanding standing = tickets.find(id);
            Ticket t = standing.ticket();
            if (standing.estimate() == null) {
                continue; // no longer waiting: the next watch forgets it
            }
            int ahead = standing.estimate().peopleAhead();
            int setting = catalogue.branchSetup(t.branchId).turnNoticeAhead();
            if (!TurnNoticeRule.tellNow(t.status, t.parkCount, false, ahead, setting)) {
                continue;
            }
            Instant now = clock.instant();
            if (notices.markTold(t.id, now, ahead)) {
                events.turnNear(t, ahead, now);
                told++;
            }
        }
        return new Round(untold.size(), told, untold.isEmpty() ? null : untold.get(untold.size() - 1));
    }

    private Ticket ticket(UUID id) {
        return ticketRows.find(id).orElseThrow(() -> ProblemException.notFound("ticket-not-found", "No ticket " + id));
    }
}
