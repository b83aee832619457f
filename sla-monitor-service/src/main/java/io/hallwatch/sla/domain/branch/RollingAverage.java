package io.hallwatch.sla.domain.branch;

import java.time.Duration;

/**
 * A branch's mean wait over a window: every wait that ended in the window, and every wait still
 * running at its end (counted up to that moment). {@code waits} is how many were averaged.
 */
public record RollingAverage(long waits, Duration mean) {
    public static final RollingAverage NONE = new RollingAverage(0, Duration.ZERO);
}
