package io.hallwatch.sla.domain.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Grouping without delay: the first breach of a branch pages at once; further breaches within the
 * group window join that alert and go out together, in one follow-up, when the window closes. A
 * closed or silenced branch is told nothing: its alert is kept quiet. Plain functions of the facts
 * they are given; no clock of their own.
 */
public final class AlertGrouping {
    private AlertGrouping() {
    }

    /** What to do with a breach not seen before. */
    public enum Decision {
        /** Nothing is sent: the branch is closed or silenced. Recorded as a QUIET alert, never paged. */
        QUIET,
        /** A new alert: its first message goes out at once. */
        PAGE_NOW,
        /** Joins the open alert's group: it goes out in one follow-up when the group window closes. */
        JOIN_GROUP;

        /** The status a new alert starts with. */
        public String newAlertStatus() {
            return this == QUIET ? "QUIET" : "OPEN";
        }
    }

    /**
     * @param openGroupUntil when the group window of the branch's open alert closes, if it has an
     *                       open (not acknowledged) alert that began by {@code now}
     * @param branchOpen     whether the branch is open at {@code now} (its opening hours)
     * @param silenced       whether a silence of the branch is in force at {@code now}
     */
    public static Decision onBreach(Instant now, Optional<Instant> openGroupUntil, boolean branchOpen, boolean silenced) {
        if (!branchOpen || silenced) {
            return Decision.QUIET;
        }
        if (openGroupUntil.isPresent() && now.isBefore(openGroupUntil.get())) {
            return Decision.JOIN_GROUP;
        }
        return Decision.PAGE_NOW;
    }

    /** When a group window opened (or reopened by a follow-up) at {@code now} closes. */
    public static Instant windowEnd(Instant now, Duration window) {
        return now.plus(window);
    }
}
