package io.hallwatch.queue.domain.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * How many customers wait now for one business type at one branch, and since when the longest of
 * them waits ({@code oldestIssuedAt} null when nobody does).
 */
public record WaitingCount(String branchId, String businessType, long waiting, Instant oldestIssuedAt) {

    /** The longest wait at {@code now} in whole seconds; 0 when nobody waits. */
    public long oldestWaitSeconds(Instant now) {
        return oldestIssuedAt == null ? 0 : Math.max(0, Duration.between(oldestIssuedAt, now).toSeconds());
    }
}
