package io.hallwatch.events;

import java.time.Instant;

/**
 * A step of an appointment (a slot booked for a business type at a branch): booked, cancelled (by the customer, or
 * freed as a no-show 15 minutes after the slot's start), checked in (a ticket then joins the queue). On the tickets
 * topic, keyed by branch; not a {@link TicketEvent}: until the check-in there is no ticket.
 */
public sealed interface AppointmentEvent extends EventPayload permits AppointmentBooked, AppointmentCancelled, AppointmentCheckedIn {

    String appointmentId();

    String businessType();

    /** The start of the booked slot. */
    Instant slotStart();

    @Override
    default String subject() {
        return appointmentId();
    }
}
