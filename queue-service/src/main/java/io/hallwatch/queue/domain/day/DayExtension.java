package io.hallwatch.queue.domain.day;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The duty manager keeps a branch open late: service day {@code serviceDay} closes at {@code until} instead of
 * its regular time (past local midnight where it must: the day is still the one it extended). Recorded with who
 * asked, when and why; of several for one day the latest request is in force.
 */
public record DayExtension(UUID id, String branchId, LocalDate serviceDay, Instant until, String reason, String requestedBy,
                           Instant requestedAt) {
}
