package io.hallwatch.sla.domain.detection;

import java.time.Duration;
import java.time.Instant;

/**
 * A warning or breach the monitor concluded for one ticket.
 *
 * @param startedAt  when the measured interval began (issued, or service started)
 * @param deadline   when the limit (or, for a warning, its early-warning fraction) was reached
 * @param actual     how long it had lasted when detected, or its whole length if already over
 * @param late       detected more than the allowed delay after the deadline (the monitor was down or behind)
 * @param counterId  the counter that called or serves the ticket, where known
 */
public record Finding(SlaKind kind, String businessType, Instant startedAt, Instant deadline, Duration limit,
                      Duration actual, Instant detectedAt, boolean late, String counterId, String clerkId) {

    /** When the limit itself is reached (for a warning, the breach it heads for); {@code deadline} is when this finding became due. */
    public Instant limitDeadline() {
        return startedAt.plus(limit);
    }
}
