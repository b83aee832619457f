package io.hallwatch.queue.api.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Creates or changes a business type. The limit is in seconds, up to two hours. */
public record BusinessTypeRequest(
        @NotNull @Pattern(regexp = "[A-Z]", message = "must be one capital letter") String ticketPrefix,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String nameZh,
        @NotNull @Min(30) @Max(7200) Integer handlingLimitSeconds) {
}
