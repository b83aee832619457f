package io.hallwatch.counter.api.counter;

import io.hallwatch.events.ServiceOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

/** Request bodies of the counter API. */
public final class CounterRequests {
    private CounterRequests() {
    }

    public record SignIn(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String clerkId) {
    }

    public record Pause(@NotNull @Pattern(regexp = "BREAK|TRAINING|SUPERVISOR|OTHER",
            message = "must be BREAK, TRAINING, SUPERVISOR or OTHER") String reason) {
    }

    public record Finish(@NotNull ServiceOutcome outcome, @Size(max = 500) String note,
                         List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> businessTypesHandled) {
    }

    public record Define(@NotBlank @Size(max = 32) String label, boolean vip,
                         @NotEmpty Set<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String> skills) {
    }
}
