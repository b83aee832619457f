package io.hallwatch.queue.api.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates or changes a business type: its ticket prefix and names. {@code handlingLimitSeconds} is
 * refused with a message saying where limits are set: they are the service standard's, which the
 * SLA monitor owns, so that one branch is never judged against two numbers.
 */
public record BusinessTypeRequest(
        @NotNull @Pattern(regexp = "^[A-Z]$", message = "must be one capital letter") String ticketPrefix,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String nameZh,
        @Null(message = "handling limits belong to the service standard: change them with PUT /api/v1/sla-policies "
                + "on the sla-monitor-service") Integer handlingLimitSeconds) {
}
