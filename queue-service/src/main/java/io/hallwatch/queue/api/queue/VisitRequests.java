package io.hallwatch.queue.api.queue;

import io.hallwatch.events.CustomerTier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;
import java.util.UUID;

/** What a counter sends for a walk-in and for a chosen call (counter-service). */
public final class VisitRequests {
    private VisitRequests() {
    }

    /** A customer served without a kiosk ticket: the counter, its clerk and skills, and the business type. */
    public record WalkIn(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String counterId,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String clerkId,
            @NotEmpty Set<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> businessTypes,
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String businessType,
            CustomerTier tier) {

        public CustomerTier tierOrDefault() {
            return tier == null ? CustomerTier.NORMAL : tier;
        }
    }

    /** A chosen waiting ticket called to the counter, and why. */
    public record CallTicket(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String counterId,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String clerkId,
            @NotEmpty Set<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> businessTypes,
            boolean vipCounter,
            @NotNull UUID ticketId,
            @NotNull @Pattern(regexp = "ELDERLY|DISABLED|PREGNANT|SUPERVISOR|RETURNING|OTHER",
                    message = "must be ELDERLY, DISABLED, PREGNANT, SUPERVISOR, RETURNING or OTHER") String reason) {
    }
}
