package io.hallwatch.sla.domain.alerting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The alerting decisions, as plain functions of the state and the time they are given: grouping
 * without delay, quiet hours, escalation and retry backoff. No framework, no clock of its own.
 */
public final class AlertRules {
    private AlertRules() {
    }

    /** What to do with a breach not seen before. */
    public enum BreachDecision {
        /** Nothing is sent: the branch is closed. Recorded, never paged. */
        QUIET,
        /** A new alert: its first message goes out at once. */
        PAGE_NOW,
        /** Joins the open alert's group: it goes out in one follow-up when the group window closes. */
        JOIN_GROUP
    }

    /**
     * @param openGroupUntil when the branch's open alert's group window closes, if it has one open
     *                       and not acknowledged
     */
    public static BreachDecision onBreach(Instant now, Optional<Instant> openGroupUntil, boolean open) {
        return onBreach(now, openGroupUntil, open, false);
    }

    /** As above; a branch under a silence is quiet too. */
    public static BreachDecision onBreach(Instant now, Optional<Instant> openGroupUntil, boolean open, boolean silenced) {
        if (!open || silenced) {
            return BreachDecision.QUIET;
        }
        if (openGroupUntil.isPresent() && now.isBefore(openGroupUntil.get())) {
            return BreachDecision.JOIN_GROUP;
        }
        return BreachDecision.PAGE_NOW;
    }

    /** Whether the branch is open at {@code now}: within [opens, closes) on its local clock. */
    public static boolean isOpen(Instant now, ZoneId zone, LocalTime opens, LocalTime closes) {
        LocalTime t = ZonedDateTime.ofInstant(now, zone).toLocalTime();
        return !t.isBefore(opens) && t.isBefore(closes);
    }

    /** The level an unacknowledged alert at {@code level} since {@code levelAt} should be at now (at most {@code maxLevel}). */
    public static int dueLevel(int level, Instant levelAt, Instant now, Duration after, boolean acknowledged, int maxLevel) {
        if (acknowledged || level >= maxLevel || now.isBefore(levelAt.plus(after))) {
            return level;
        }
        return level + 1;
    }

    /** The first level of an alert: a branch-average breach goes straight to the area manager. */
    public static int firstLevel(boolean branchAverage) {
        return branchAverage ? 2 : 1;
    }

    /** Delay before retry {@code attempt} (1 = the first retry): initial × 2^(attempt−1), at most max. */
    public static Duration backoff(int attempt, Duration initial, Duration max) {
        if (attempt <= 1) {
            return initial.compareTo(max) > 0 ? max : initial;
        }
        long factor = 1L << Math.min(attempt - 1, 30);
        Duration d = initial.multipliedBy(factor);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** What a failed attempt leads to. */
    public enum AfterFailure { RETRY_SAME_CHANNEL, NEXT_CHANNEL, GIVE_UP }

    /**
     * @param attemptsOnChannel attempts made on the current channel, this one included
     */
    public static AfterFailure afterFailure(boolean permanent, int attemptsOnChannel, int maxAttemptsPerChannel,
                                            int channelIndex, int channels) {
        if (!permanent && attemptsOnChannel < maxAttemptsPerChannel) {
            return AfterFailure.RETRY_SAME_CHANNEL;
        }
        return channelIndex + 1 < channels ? AfterFailure.NEXT_CHANNEL : AfterFailure.GIVE_UP;
    }
}
