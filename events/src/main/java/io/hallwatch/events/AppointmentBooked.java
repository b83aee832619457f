package io.hallwatch.events;

import java.time.Instant;

/**
 * A slot was booked. {@code customerRef} is the opaque CRM reference of the customer, as on a ticket; never a phone
 * number or a name.
 */
public record AppointmentBooked(String appointmentId, String branchId, String businessType, Instant slotStart,
                                Instant slotEnd, Instant bookedAt, @Nullable String customerRef) implements AppointmentEvent {
}
