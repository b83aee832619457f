package io.hallwatch.queue.api.day;

import io.hallwatch.queue.domain.day.DayExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An extension as recorded: which day, until when, why, who asked and when. */
public record DayExtensionView(UUID id, String branchId, LocalDate serviceDay, Instant until, String reason, String requestedBy,
                               Instant requestedAt) {
    static DayExtensionView of(DayExtension e) {
        return new DayExtensionView(e.id(), e.branchId(), e.serviceDay(), e.until(), e.reason(), e.requestedBy(), e.requestedAt());
    }
}
