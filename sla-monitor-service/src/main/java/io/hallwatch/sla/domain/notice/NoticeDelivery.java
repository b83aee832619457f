package io.hallwatch.sla.domain.notice;

import io.hallwatch.sla.domain.alerting.DeliveryRules;

import java.time.Duration;

/**
 * What follows a failed send of a turn notice: the same gateway again after a doubling backoff, up to
 * {@code maxAttempts}; a permanent failure (the gateway refused the request or number) or the last attempt gives up.
 * Either way the number is erased once given up.
 */
public final class NoticeDelivery {
    public enum AfterFailure { RETRY, GIVE_UP }

    private NoticeDelivery() {
    }

    /** {@code attempt}: this attempt's number, from 1. */
    public static AfterFailure afterFailure(boolean permanent, int attempt, int maxAttempts) {
        return permanent || attempt >= maxAttempts ? AfterFailure.GIVE_UP : AfterFailure.RETRY;
    }

    public static Duration backoff(int attempt, Duration initial, Duration max) {
        return DeliveryRules.backoff(attempt, initial, max);
    }
}
