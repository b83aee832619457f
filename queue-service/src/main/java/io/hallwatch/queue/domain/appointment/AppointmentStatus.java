package io.hallwatch.queue.domain.appointment;

/** Where an appointment is: booked, then checked in (a ticket joined the queue), or ended without a visit. */
public enum AppointmentStatus {
    BOOKED, CHECKED_IN,
    /** Cancelled by the customer: the place in the slot is free again. */
    CANCELLED,
    /** Nobody checked in by the no-show time (15 minutes past the slot's start): the place is free again. */
    NO_SHOW;

    /** Whether the appointment holds a place in its slot. */
    public boolean holdsPlace() {
        return this == BOOKED || this == CHECKED_IN;
    }
}
