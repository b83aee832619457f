package io.hallwatch.queue.domain.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * A place booked in a slot (预约). No personal data beyond the opaque {@code customerRef}. Ends checked in (a
 * ticket joined the queue), cancelled by the customer, or a no-show; a change to an appointment that is no longer
 * BOOKED is an {@link AppointmentStateException}.
 */
public class Appointment {
    public UUID id;
    public String branchId;
    public String businessType;
    public Instant slotStart;
    public Instant slotEnd;
    public AppointmentStatus status;
    public String checkInCode;
    public String customerRef;
    public Instant bookedAt;
    public Instant endedAt;
    public UUID ticketId;
    public String idempotencyKey;
    public int version;

    public void cancel(Instant at) {
        end(AppointmentStatus.CANCELLED, at);
    }

    public void noShow(Instant at) {
        end(AppointmentStatus.NO_SHOW, at);
    }

    public void checkedIn(UUID ticket, Instant at) {
        end(AppointmentStatus.CHECKED_IN, at);
        ticketId = ticket;
    }

    private void end(AppointmentStatus to, Instant at) {
        if (status != AppointmentStatus.BOOKED) {
            throw new AppointmentStateException(id, status, to);
        }
        status = to;
        endedAt = at;
    }
}
