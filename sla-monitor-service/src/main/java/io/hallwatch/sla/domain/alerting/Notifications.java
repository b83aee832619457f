package io.hallwatch.sla.domain.alerting;

/**
 * What each notification is for, and its id: one per alert, purpose and person, so that a second
 * one for the same (a redelivered breach, a second instance, a restart) is impossible.
 */
public final class Notifications {
    /** The first message of an alert at level 1. */
    public static final String PAGE = "PAGE";
    /** The first message of an alert that starts above level 1 (a branch-average breach). */
    public static final String ESCALATION = "ESCALATION";

    private Notifications() {
    }

    /** The purpose of an alert's first message at {@code level}. */
    public static String first(int level) {
        return level == 1 ? PAGE : ESCALATION;
    }

    /** An unacknowledged alert raised to {@code level}. */
    public static String escalatedTo(int level) {
        return ESCALATION + "-" + level;
    }

    /** The {@code n}-th follow-up of an alert's group. */
    public static String followUp(int n) {
        return "FOLLOW_UP-" + n;
    }

    public static String id(String alertId, String purpose, String staffId) {
        return alertId + ":" + purpose + ":" + staffId;
    }

    /** Whether the notification is an alert's first message (what the breach-to-first-delivery figure measures). */
    public static boolean isFirst(String notificationId) {
        return notificationId.contains(":" + PAGE + ":") || notificationId.contains(":" + ESCALATION + ":");
    }
}
