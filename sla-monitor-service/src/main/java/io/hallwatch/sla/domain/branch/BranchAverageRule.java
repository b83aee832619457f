package io.hallwatch.sla.domain.branch;

import java.time.Duration;

/**
 * The hall-level rule: the branch's rolling mean wait must not exceed its limit (15 minutes by
 * the standard). Exceeding opens a branch breach; falling back to the limit or below clears it.
 * A window with no waits in it has no mean: an open breach then clears (the hall is empty).
 */
public final class BranchAverageRule {
    private BranchAverageRule() {
    }

    public enum Decision { OPEN, CLEAR, KEEP }

    public static Decision decide(boolean open, RollingAverage average, Duration limit) {
        boolean over = average.waits() > 0 && average.mean().compareTo(limit) > 0;
        if (over && !open) {
            return Decision.OPEN;
        }
        if (!over && open) {
            return Decision.CLEAR;
        }
        return Decision.KEEP;
    }
}
