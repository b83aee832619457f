package io.hallwatch.queue.domain.ticket;

/** Where a ticket is in its life: issued → waiting → called → serving → done, or a side path. */
public enum TicketStatus {
    /** Taken remotely (mini-program, online hall), numbered, not in the queue until the customer checks in. */
    REMOTE,
    WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED,
    /** Closed unserved at the end of the service day (the branch closed): a customer not served. */
    CLOSED;

    public boolean isTerminal() {
        return this == DONE || this == NO_SHOW || this == CANCELLED || this == CLOSED;
    }
}
