package io.hallwatch.queue.domain.appointment;

import java.time.Instant;

/** One appointment slot of a business type at a branch: from {@code start} (inclusive) to {@code end}. */
public record Slot(Instant start, Instant end) {
    public Slot {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A slot starts before it ends: " + start + "–" + end);
        }
    }
}
