package io.hallwatch.queue.domain.day;

/** Where a service day stands at a moment. */
public enum DayState {
    /** Before its opening: no ticket yet. */
    NOT_OPEN_YET,
    /** Issuing tickets. */
    OPEN,
    /** Closed to new tickets; the counters work through those waiting until the grace ends. */
    CLOSING,
    /** Over: whoever still waited or was called was closed unserved ({@code BRANCH_CLOSED}). */
    CLOSED
}
