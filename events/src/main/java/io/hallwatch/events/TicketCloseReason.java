package io.hallwatch.events;

/** Why a ticket was closed unserved by the platform rather than by a customer or a clerk. */
public enum TicketCloseReason {
    /** The branch's service day ended (closing time plus its grace) with the customer still waiting or called. */
    BRANCH_CLOSED
}
