package io.hallwatch.events;

import java.time.Instant;

/** The clerk is back; {@code overLimit} where the pause lasted longer than allowed. */
public record CounterResumed(String branchId, String counterId, String clerkId, String reason, Instant pausedAt,
                             Instant resumedAt, long pausedSeconds, long limitSeconds,
                             boolean overLimit) implements CounterEvent {
}
