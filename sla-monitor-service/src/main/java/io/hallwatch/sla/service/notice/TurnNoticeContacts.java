package io.hallwatch.sla.service.notice;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.sla.domain.notice.PhoneNumbers;
import io.hallwatch.sla.domain.notice.TurnNoticeContact;
import io.hallwatch.sla.store.notice.ContactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * The kiosk's half of "your turn is near": the customer's number for a ticket, kept here and nowhere else until the
 * SMS is sent. The number is never logged, and every answer masks it.
 */
@ApplicationScoped
public class TurnNoticeContacts {
    private final ContactStore store;
    private final TurnNoticeSender sender;
    private final AfterCommit afterCommit;
    private final Clock clock;

    TurnNoticeContacts(ContactStore store, TurnNoticeSender sender, AfterCommit afterCommit, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /**
     * The branch of a ticket the timeline has seen, for the caller's scope check; 404 {@code ticket-not-found} for one
     * it has not (an unknown id, or the queue's {@code hallwatch.ticket.issued.v1} not applied yet: try again shortly).
     */
    public String branchOf(String ticketId) {
        return store.knownTicket(ticketId).map(ContactStore.KnownTicket::branchId)
                .orElseThrow(() -> ProblemException.notFound("ticket-not-found",
                        "No ticket " + ticketId + " known here yet; a ticket just issued is known within a second or so"));
    }

    /**
     * Keeps {@code phone} for the ticket (a second call replaces it, until the SMS is sent). Where the queue already said
     * the turn is near, the SMS is due at once. 422 {@code invalid-phone} for anything but a mainland mobile number
     * (the problem never repeats it); 404 {@code ticket-not-found} for a ticket the timeline has not seen; 409
     * {@code ticket-of-another-branch} where {@code branchId} is not the ticket's, {@code ticket-not-waiting} once it was
     * called, cancelled or closed, {@code turn-notice-closed} once the SMS was sent or given up.
     */
    @Transactional
    public TurnNoticeContact put(String ticketId, String branchId, String phone) {
        if (!PhoneNumbers.valid(phone)) {
            throw new ProblemException(422, "invalid-phone", "Invalid phone number",
                    "phone must be a mainland mobile number: 11 digits, 1 then 3-9, no prefix or spaces");
        }
        ContactStore.KnownTicket ticket = store.knownTicket(ticketId).orElseThrow(() -> ProblemException.notFound("ticket-not-found",
                "No ticket " + ticketId + " known here yet"));
        if (!ticket.branchId().equals(branchId)) {
            throw ProblemException.conflict("ticket-of-another-branch", "The ticket belongs to another branch than branchId");
        }
        if (!ticket.waiting()) {
            throw ProblemException.conflict("ticket-not-waiting", "The ticket no longer waits: its turn has come");
        }
        Optional<TurnNoticeContact> existing = store.lock(ticketId);
        if (existing.isEmpty()) {
            store.insert(ticketId, branchId, phone, clock.instant());
        } else {
            TurnNoticeContact c = existing.get();
            if (!c.branchId().equals(branchId)) {
                throw ProblemException.conflict("ticket-of-another-branch", "This ticket's turn notice belongs to another branch");
            }
            if (c.closed()) {
                throw ProblemException.conflict("turn-notice-closed", "This ticket's turn notice was already sent or given up");
            }
            store.setPhone(ticketId, phone, clock.instant());
            if (c.dueAt() != null) {
                afterCommit.run(sender::wake);
            }
        }
        return store.find(ticketId).orElseThrow();
    }
}
