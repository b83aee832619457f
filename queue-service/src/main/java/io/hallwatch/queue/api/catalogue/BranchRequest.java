package io.hallwatch.queue.api.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalTime;
import java.util.Set;

/** Creates or changes a branch. The time zone defaults to Asia/Shanghai. */
public record BranchRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 64) String timeZone,
        @NotNull LocalTime opensAt,
        @NotNull LocalTime closesAt,
        @NotEmpty Set<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> businessTypes) {
}
