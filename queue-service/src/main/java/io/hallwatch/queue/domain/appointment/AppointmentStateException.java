package io.hallwatch.queue.domain.appointment;

import java.util.UUID;

/** An appointment that is no longer BOOKED cannot be cancelled, checked in or marked a no-show. */
public class AppointmentStateException extends RuntimeException {
    public AppointmentStateException(UUID id, AppointmentStatus from, AppointmentStatus to) {
        super("Appointment " + id + " is " + from + ": it cannot become " + to);
    }
}
