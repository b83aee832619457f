package io.hallwatch.queue.api.appointment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hallwatch.queue.domain.appointment.Appointment;
import io.hallwatch.queue.domain.appointment.AppointmentPlan;
import io.hallwatch.queue.domain.appointment.AppointmentStatus;
import io.hallwatch.queue.service.appointment.AppointmentService;

import java.time.Instant;
import java.util.UUID;

/** What the API answers about appointments. */
public final class AppointmentViews {
    private AppointmentViews() {
    }

    public record PlanView(String businessType, int slotMinutes, int capacity) {
        public static PlanView of(AppointmentPlan p) {
            return new PlanView(p.businessType(), p.slotMinutes(), p.capacity());
        }
    }

    public record SlotView(Instant start, Instant end, int capacity, int booked, int free) {
        public static SlotView of(AppointmentService.SlotPlaces s) {
            return new SlotView(s.slot().start(), s.slot().end(), s.capacity(), s.held(), s.free());
        }
    }

    /**
     * An appointment. {@code checkInCode}: what the customer types at the kiosk, from {@code checkInFrom}; until
     * {@code checkInOnTimeUntil} the visit is served ahead of walk-ups from the slot's start; from {@code noShowAt}
     * nobody having checked in frees the place. {@code ticketId}: the ticket its check-in made.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppointmentView(UUID appointmentId, String branchId, String businessType, Instant slotStart, Instant slotEnd,
                                  AppointmentStatus status, String checkInCode, String customerRef, Instant bookedAt,
                                  Instant endedAt, UUID ticketId, Instant checkInFrom, Instant checkInOnTimeUntil,
                                  Instant noShowAt) {
        public static AppointmentView of(AppointmentService.Booking b) {
            Appointment a = b.appointment();
            return new AppointmentView(a.id, a.branchId, a.businessType, a.slotStart, a.slotEnd, a.status, a.checkInCode,
                    a.customerRef, a.bookedAt, a.endedAt, a.ticketId, b.checkInFrom(), b.checkInOnTimeUntil(), b.noShowAt());
        }
    }
}
