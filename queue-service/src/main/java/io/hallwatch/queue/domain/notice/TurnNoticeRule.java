package io.hallwatch.queue.domain.notice;

import io.hallwatch.queue.domain.ticket.TicketStatus;

/**
 * When a consenting customer is told their turn is near: once, while the ticket still waits, as soon as the people
 * ahead of it (counted as {@code GET /tickets/{id}} counts them) are no more than the branch's {@code turnNoticeAhead}.
 * A ticket called, cancelled or closed first is never told, nor one called and then parked back into the queue
 * (it waits again, but its turn has come once).
 */
public final class TurnNoticeRule {
    /** The branch setting's bounds: told at 1 to 20 people ahead. */
    public static final int MIN_AHEAD = 1;
    public static final int MAX_AHEAD = 20;

    private TurnNoticeRule() {
    }

    /** {@code parkCount}: how often the visit was called and parked back into the queue (0: never called). */
    public static boolean tellNow(TicketStatus status, int parkCount, boolean alreadyTold, int peopleAhead, int turnNoticeAhead) {
        return mayConsent(status, parkCount) && !alreadyTold && peopleAhead >= 0 && peopleAhead <= turnNoticeAhead;
    }

    /** Only a ticket waiting for its first call can still be told, so only such a ticket takes the consent. */
    public static boolean mayConsent(TicketStatus status, int parkCount) {
        return status == TicketStatus.WAITING && parkCount == 0;
    }

    public static boolean validAhead(int turnNoticeAhead) {
        return turnNoticeAhead >= MIN_AHEAD && turnNoticeAhead <= MAX_AHEAD;
    }
}
