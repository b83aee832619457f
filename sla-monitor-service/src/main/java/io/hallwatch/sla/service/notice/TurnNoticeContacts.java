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
     * Keeps {@code phone} for the ticket (a second call replaces it, until the SMS is sent). Where the queue already said
     * the turn is near, the SMS is due at once. 422 {@code invalid-phone} for anything but a mainland mobile number
     * (the problem never repeats it); 409 {@code ticket-of-another-branch} where the ticket is known at another branch;
     * 409 {@code turn-notice-closed} once the SMS was sent or given up.
     */
    @Transactional
    public TurnNoticeContact put(String ticketId, String branchId, String phone) {
        if (!PhoneNumbers.valid(phone)) {
            throw new ProblemException(422, "invalid-phone", "Invalid phone number",
                    "phone must be a mainland mobile number: 11 digits, 1 then 3-9, no prefix or spaces");
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
