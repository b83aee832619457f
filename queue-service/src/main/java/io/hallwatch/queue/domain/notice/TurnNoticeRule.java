package io.hallwatch.queue.domain.notice;

import io.hallwatch.queue.domain.ticket.TicketStatus;

/**
 * When a consenting customer is told their turn is near: once, while the ticket still waits, as soon as the people
 * ahead of it (counted as {@code GET /tickets/{id}} counts them) are no more than the branch's {@code turnNoticeAhead}.
 * A ticket called, cancelled or closed first is never told.
 */
public final class TurnNoticeRule {
    /** The branch setting's bounds: told at 1 to 20 people ahead. */
    public static final int MIN_AHEAD = 1;
    public static final int MAX_AHEAD = 20;

    private TurnNoticeRule() {
    }

    public static boolean tellNow(TicketStatus status, boolean alreadyTold, int peopleAhead, int turnNoticeAhead) {
        return status == TicketStatus.WAITING && !alreadyTold && peopleAhead >= 0 && peopleAhead <= turnNoticeAhead;
    }

    /** Only a waiting ticket can still be told, so only a waiting ticket takes the consent. */
    public static boolean mayConsent(TicketStatus status) {
        return status == TicketStatus.WAITING;
    }

    public static boolean validAhead(int turnNoticeAhead) {
        return turnNoticeAhead >= MIN_AHEAD && turnNoticeAhead <= MAX_AHEAD;
    }
}
