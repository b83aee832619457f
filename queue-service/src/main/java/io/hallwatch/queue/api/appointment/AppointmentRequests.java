package io.hallwatch.queue.api.appointment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** What the API takes for appointments. */
public final class AppointmentRequests {
    private AppointmentRequests() {
    }

    /** How a business type of a branch takes appointments: slots of {@code slotMinutes}, {@code capacity} places each (0: none). */
    public record Plan(@NotNull @Min(5) @Max(240) Integer slotMinutes, @NotNull @Min(0) @Max(100) Integer capacity) {
    }

    /** A booking: the slot's start as an instant; {@code customerRef} the opaque CRM reference, never a phone number. */
    public record Book(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be a business type code such as BROADBAND") String businessType,
            @NotNull Instant slotStart,
            @Size(max = 64)
            @Pattern(regexp = "(?!\\+?[0-9]{7,15}$)[A-Za-z0-9._:-]{1,64}",
                    message = "must be an opaque reference of letters, digits and . _ : -, not a phone number")
            String customerRef) {
    }
}
