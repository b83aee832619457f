package io.hallwatch.queue.api.day;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/**
 * The duty manager keeps the branch open until {@code until} (an ISO-8601 date-time with its offset, e.g.
 * {@code 2026-12-07T22:30:00+08:00}; past midnight extends the evening before), with an optional reason.
 */
public record DayExtensionRequest(@NotNull OffsetDateTime until, @Size(max = 200) String reason) {
}
