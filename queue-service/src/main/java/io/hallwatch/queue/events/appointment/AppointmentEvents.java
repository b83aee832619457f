package io.hallwatch.queue.events.appointment;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.AppointmentBooked;
import io.hallwatch.events.AppointmentCancelled;
import io.hallwatch.events.AppointmentCheckedIn;
import io.hallwatch.queue.domain.appointment.Appointment;
import io.hallwatch.queue.domain.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes the appointment events through the transactional outbox, with the change they report. */
@ApplicationScoped
public class AppointmentEvents {
    /** The customer cancelled. */
    public static final String CUSTOMER = "CUSTOMER";
    /** Nobody checked in by the no-show time. */
    public static final String NO_SHOW = "NO_SHOW";

    private final Outbox outbox;

    AppointmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void booked(Appointment a) {
        outbox.publish(a.bookedAt, new AppointmentBooked(a.id.toString(), a.branchId, a.businessType, a.slotStart, a.slotEnd,
                a.bookedAt, a.customerRef));
    }

    public void cancelled(Appointment a, String reason) {
        outbox.publish(a.endedAt, new AppointmentCancelled(a.id.toString(), a.branchId, a.businessType, a.slotStart, a.endedAt,
                reason));
    }

    public void checkedIn(Appointment a, Ticket t, boolean late) {
        outbox.publish(a.endedAt, new AppointmentCheckedIn(a.id.toString(), a.branchId, a.businessType, a.slotStart, a.endedAt,
                t.id.toString(), t.number, late));
    }
}
