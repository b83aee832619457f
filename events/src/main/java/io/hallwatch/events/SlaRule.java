package io.hallwatch.events;

/** The service-standard rule an SLA event is about. */
public enum SlaRule {
    /** From ticket issued to first called, per customer. */
    WAIT,
    /** From service started to finished, against the business type's limit. */
    HANDLING,
    /** The branch's rolling mean wait. */
    BRANCH_AVERAGE_WAIT
}
