package io.hallwatch.counter.domain.counter;

/** A counter (台席) as the hall sees it. A called customer not yet arrived leaves it OPEN. */
public enum CounterStatus {
    CLOSED, OPEN, PAUSED, SERVING
}
