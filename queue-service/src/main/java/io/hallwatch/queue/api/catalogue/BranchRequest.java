package io.hallwatch.queue.api.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalTime;
import java.util.Set;

/**
 * Creates or changes a branch. The time zone defaults to Asia/Shanghai; the hours and the grace after closing to
 * {@code hallwatch.queue.day.default-*} (09:00–18:00, 15 minutes); {@code turnNoticeAhead} (people ahead at which a
 * consenting customer is told their turn is near) to 3.
 */
public record BranchRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 64) String timeZone,
        LocalTime opensAt,
        LocalTime closesAt,
        @Min(0) @Max(720) Integer closeGraceMinutes,
        @NotEmpty Set<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> businessTypes,
        @Min(1) @Max(20) Integer turnNoticeAhead) {
}
