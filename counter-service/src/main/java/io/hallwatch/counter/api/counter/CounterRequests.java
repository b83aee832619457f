package io.hallwatch.counter.api.counter;

import io.hallwatch.counter.domain.counter.VisitNote;
import io.hallwatch.events.ServiceOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request bodies of the counter API. */
public final class CounterRequests {
    private CounterRequests() {
    }

    public record SignIn(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String clerkId) {
    }

    public record Pause(@NotNull @Pattern(regexp = "BREAK|TRAINING|SUPERVISOR|OTHER",
            message = "must be BREAK, TRAINING, SUPERVISOR or OTHER") String reason) {
    }

    /** {@code note}: at most 255 characters and no phone number (422 note-contains-phone-number). */
    public record Finish(@NotNull ServiceOutcome outcome, @Size(max = VisitNote.MAX_LENGTH) String note,
                         List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> businessTypesHandled) {
    }

    /** A walk-in: the business type the customer came for (one the counter serves). */
    public record WalkIn(@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String businessType) {
    }

    /** A chosen waiting ticket, and why it is called (ahead of its turn, perhaps). */
    public record CallTicket(@NotNull UUID ticketId,
                             @NotNull @Pattern(regexp = "ELDERLY|DISABLED|PREGNANT|SUPERVISOR|RETURNING|OTHER",
                                     message = "must be ELDERLY, DISABLED, PREGNANT, SUPERVISOR, RETURNING or OTHER") String reason) {
    }

    /** Where the visit goes back in the queue, and the clerk's note for the next clerk (a service under way only). */
    public record Park(@NotNull @Pattern(regexp = "FRONT|BACK|ORIGINAL", message = "must be FRONT, BACK or ORIGINAL") String position,
                       @Size(max = VisitNote.MAX_LENGTH) String note) {
    }

    /** What the branch asks of every finished service. */
    public record Settings(@NotNull Boolean businessTypesHandledRequired) {
    }

    public record Define(@NotBlank @Size(max = 32) String label, boolean vip,
                         @NotEmpty Set<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> skills) {
    }
}
