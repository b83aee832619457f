package io.hallwatch.queue.api.checkin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What the customer types at the kiosk: a remote ticket's number (A012) or six-digit check-in code, or an
 * appointment's eight-digit code.
 */
public record CheckInRequest(
        @NotNull @Pattern(regexp = "[0-9]{6}|[0-9]{8}|[A-Z][0-9]{3,4}",
                message = "must be a ticket number such as A012, a six-digit remote ticket code or an eight-digit appointment code")
        String code) {
}
