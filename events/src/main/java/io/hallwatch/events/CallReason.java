package io.hallwatch.events;

/** Why a clerk called a chosen ticket ahead of the call order (on {@link TicketCalled#callReason()}). */
public enum CallReason {
    /** An elderly customer (老年人优先). */
    ELDERLY,
    /** A customer with a disability. */
    DISABLED,
    /** A pregnant customer or one with an infant. */
    PREGNANT,
    /** The duty manager or a supervisor asked for it. */
    SUPERVISOR,
    /** A customer returning with what they were missing (a document fetched). */
    RETURNING,
    /** Any other reason the clerk will explain to the manager. */
    OTHER
}
