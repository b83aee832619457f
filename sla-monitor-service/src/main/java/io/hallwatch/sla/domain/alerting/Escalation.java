package io.hallwatch.sla.domain.alerting;

import java.time.Duration;
import java.time.Instant;

/**
 * The escalation chain: level 1 the duty managers on shift, 2 the area manager, 3 the regional
 * manager ({@link RosterRules#atLevel}). An alert nobody acknowledged for {@code escalate-after}
 * climbs one level, up to the top. A branch-average breach, about the whole hall, starts at the
 * area manager.
 */
public final class Escalation {
    /** The highest level: the regional manager. */
    public static final int TOP = 3;

    private Escalation() {
    }

    /** The first level of an alert. */
    public static int firstLevel(boolean branchAverage) {
        return branchAverage ? 2 : 1;
    }

    /** An alert whose level was set at or before this moment is due for the next level now. */
    public static Instant dueIfLevelSetBy(Instant now, Duration after) {
        return now.minus(after);
    }

    /** The level above {@code level}, never beyond the top. */
    public static int next(int level) {
        return Math.min(level + 1, TOP);
    }

    /** The level an alert at {@code level} since {@code levelAt} should be at now. */
    public static int dueLevel(int level, Instant levelAt, Instant now, Duration after, boolean acknowledged) {
        if (acknowledged || level >= TOP || levelAt.isAfter(dueIfLevelSetBy(now, after))) {
            return level;
        }
        return next(level);
    }
}
