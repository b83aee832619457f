package io.hallwatch.sla.domain.alerting;

import java.time.Duration;

/**
 * Delivery: a retryable failure is retried on the same channel with exponential backoff, a
 * permanent one or the last attempt moves to the person's next channel, and after the last
 * channel the notification has failed.
 */
public final class DeliveryRules {
    private DeliveryRules() {
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

    /** What a failed attempt leads to, with the outcome written to the delivery log and counted in the metric. */
    public enum AfterFailure {
        RETRY_SAME_CHANNEL("RETRY", "retry"),
        NEXT_CHANNEL("NEXT_CHANNEL", "next_channel"),
        GIVE_UP("FAILED", "failed");

        private final String logged;
        private final String counted;

        AfterFailure(String logged, String counted) {
            this.logged = logged;
            this.counted = counted;
        }

        /** The outcome in {@code alert_delivery_log}. */
        public String logged() {
            return logged;
        }

        /** The {@code outcome} tag of {@code hallwatch_alert_notifications_total}. */
        public String counted() {
            return counted;
        }
    }

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
