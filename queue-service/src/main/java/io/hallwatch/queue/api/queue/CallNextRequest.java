package io.hallwatch.queue.api.queue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** A counter asking for its next customer: who it is and which business types it serves. */
public record CallNextRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String counterId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String clerkId,
        @NotEmpty Set<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> businessTypes,
        boolean vipCounter) {
}
