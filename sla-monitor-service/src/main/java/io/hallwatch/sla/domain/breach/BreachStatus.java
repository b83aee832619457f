package io.hallwatch.sla.domain.breach;

/** Whether what a finding is about still goes on (the customer still waits, the branch is still over) or is over. */
public enum BreachStatus {
    OPEN, RESOLVED
}
