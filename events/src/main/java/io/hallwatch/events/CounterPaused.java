package io.hallwatch.events;

import java.time.Instant;

/**
 * A clerk stepped away from the counter (暂离). {@code limitSeconds} is how long the standard allows
 * a pause, so that a consumer can flag one still running past it.
 */
public record CounterPaused(String branchId, String counterId, String clerkId, String reason, Instant pausedAt,
                            long limitSeconds) implements CounterEvent {
}
