package io.hallwatch.queue.domain.ticket;

/** What can happen to a ticket. */
public enum TicketAction {
    /** The customer of a remote ticket checked in at the kiosk: it joins the queue now. */
    CHECK_IN,
    /** A counter calls it (叫号): the first in call order. */
    CALL,
    /** A counter calls this ticket by choice, whatever the call order says (elderly, disabled, supervisor...). */
    CALL_CHOSEN,
    /** A called or serving visit goes back to the queue (park and return): it waits again, its wait clock resumed. */
    PARK,
    /** The counter calls it again: the customer has not come up yet. */
    RECALL,
    /** The called customer arrived and service started (from the counter-service's event). */
    START_SERVICE,
    /** Service finished (from the counter-service's event). */
    FINISH_SERVICE,
    /** Called, never came (过号). */
    NO_SHOW,
    /** Given up before service; for a remote ticket also: nobody checked in within its window (REMOTE_EXPIRED). */
    CANCEL,
    /** The branch's service day ended with the customer still waiting or called: closed unserved (BRANCH_CLOSED). */
    CLOSE_DAY,
    /** Moved to another business type's queue, e.g. a consultation that becomes a new line. */
    TRANSFER
}
