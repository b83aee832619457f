package io.hallwatch.events;

import java.time.Instant;

/**
 * The customer checked in at the kiosk: ticket {@code ticketId} joined the queue (its {@link TicketIssued} follows).
 * {@code late}: after the window (10 minutes past the slot's start), so it is an ordinary ticket, with no priority.
 */
public record AppointmentCheckedIn(String appointmentId, String branchId, String businessType, Instant slotStart,
                                   Instant checkedInAt, String ticketId, String ticketNumber, boolean late)
        implements AppointmentEvent {
}
