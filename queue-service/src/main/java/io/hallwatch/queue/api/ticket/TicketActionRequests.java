package io.hallwatch.queue.api.ticket;

import io.hallwatch.events.ParkPosition;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the side-path actions. */
public final class TicketActionRequests {
    private TicketActionRequests() {
    }

    public record Transfer(@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String businessType) {
    }

    /** Where the parked visit goes back in its queue. */
    public record Park(@NotNull ParkPosition position) {
    }

    public record Cancel(@Size(max = 200) String reason) {
    }
}
