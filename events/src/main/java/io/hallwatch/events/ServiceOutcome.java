package io.hallwatch.events;

/** How a service at the counter ended. */
public enum ServiceOutcome {
    /** The customer's business was done. */
    COMPLETED,
    /** Sent elsewhere: another counter, the reception room, another channel. */
    REFERRED,
    /** The customer left with the problem still open. */
    UNRESOLVED
}
