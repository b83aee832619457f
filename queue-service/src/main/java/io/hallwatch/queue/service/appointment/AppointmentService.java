package io.hallwatch.queue.service.appointment;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.appointment.Appointment;
import io.hallwatch.queue.domain.appointment.AppointmentPlan;
import io.hallwatch.queue.domain.appointment.AppointmentStateException;
import io.hallwatch.queue.domain.appointment.AppointmentStatus;
import io.hallwatch.queue.domain.appointment.AppointmentWindow;
import io.hallwatch.queue.domain.appointment.Slot;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import io.hallwatch.queue.domain.catalogue.BusinessTypeSetup;
import io.hallwatch.queue.events.appointment.AppointmentEvents;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.service.checkin.CheckInCodeChooser;
import io.hallwatch.queue.service.ticket.TicketService;
import io.hallwatch.queue.store.appointment.AppointmentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Appointments (预约): the plan of slots per branch and business type, bookings against each slot's capacity, the
 * customer's cancel and the kiosk's check-in. Each change and its event commit together (outbox); bookings of one
 * type at a branch are counted under the plan's row lock, so two customers never get the last place both.
 */
@ApplicationScoped
public class AppointmentService {

    private final AppointmentStore appointments;
    private final CatalogueService catalogue;
    private final TicketService ticketService;
    private final AppointmentEvents events;
    private final QueueConfig config;
    private final Clock clock;
    private final AppointmentWindow window;
    private final CheckInCodeChooser checkInCodes;

    AppointmentService(AppointmentStore appointments, CheckInCodeChooser checkInCodes, CatalogueService catalogue,
                       TicketService ticketService, AppointmentEvents events, QueueConfig config, Clock clock) {
        this.appointments = appointments;
        this.checkInCodes = checkInCodes;
        this.catalogue = catalogue;
        this.ticketService = ticketService;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.window = new AppointmentWindow(config.appointments().checkInEarly(), config.appointments().checkInLate(),
                config.appointments().noShowAfter());
    }

    /** One slot as a booking channel sees it. */
    public record SlotPlaces(Slot slot, int capacity, int held) {
        public int free() {
            return Math.max(0, capacity - held);
        }
    }

    /** An appointment and, once it was checked in, the window it was judged by. */
    public record Booking(Appointment appointment, Instant checkInFrom, Instant checkInOnTimeUntil, Instant noShowAt) {
    }

    /** Sets how a business type of the branch takes appointments (capacity 0: none). 422 for a type the branch does not offer. */
    @Transactional
    public AppointmentPlan setPlan(String branchId, String businessType, int slotMinutes, int capacity) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        BusinessTypeSetup type = catalogue.offeredBusinessType(branch, businessType);
        AppointmentPlan plan;
        try {
            plan = new AppointmentPlan(type.code(), slotMinutes, capacity);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "invalid-appointment-plan", "Invalid appointment plan", e.getMessage());
        }
        appointments.savePlan(branch.id(), plan);
        return plan;
    }

    public List<AppointmentPlan> plans(String branchId) {
        return appointments.plans(catalogue.branchSetup(branchId).id());
    }

    /** The slots of a type on the branch's local {@code day}, with their free places; empty where it takes no appointments. */
    public List<SlotPlaces> slots(String branchId, String businessType, LocalDate day) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        BusinessTypeSetup type = catalogue.offeredBusinessType(branch, businessType);
        Optional<AppointmentPlan> plan = appointments.plan(branch.id(), type.code());
        if (plan.isEmpty()) {
            return List.of();
        }
        List<Slot> slots = plan.get().slots(day, branch.hours());
        if (slots.isEmpty()) {
            return List.of();
        }
        Map<Instant, Integer> held = appointments.placesHeld(branch.id(), type.code(), slots.get(0).start(),
                slots.get(slots.size() - 1).end());
        return slots.stream().map(s -> new SlotPlaces(s, plan.get().capacity(), held.getOrDefault(s.start(), 0))).toList();
    }

    /** A booking answered now, or the one an earlier request with the same idempotency key made. */
    public record Booked(Booking booking, boolean created) {
    }

    /**
     * Books a place in the slot starting {@code slotStart}. 422 no-appointments (the type takes none at the branch),
     * 422 not-a-slot (no slot starts then), 422 too-far-ahead, 409 slot-passed (booking closes when on-time check-in
     * does), 409 slot-full.
     */
    @Transactional
    public Booked book(String branchId, String businessType, Instant slotStart, String customerRef, String idempotencyKey) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        if (idempotencyKey != null) {
            Optional<Appointment> earlier = appointments.findByIdempotencyKey(branch.id(), idempotencyKey);
            if (earlier.isPresent()) {
                Appointment a = earlier.get();
                if (!a.businessType.equals(businessType) || !a.slotStart.equals(slotStart) || !Objects.equals(a.customerRef, customerRef)) {
                    throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was used for a different booking");
                }
                return new Booked(booking(a), false);
            }
        }
        BusinessTypeSetup type = catalogue.offeredBusinessType(branch, businessType);
        AppointmentPlan plan = appointments.lockPlan(branch.id(), type.code()).filter(p -> p.capacity() > 0)
                .orElseThrow(() -> new ProblemException(422, "no-appointments", "No appointments",
                        branch.name() + " takes no appointments for " + type.code()));
        Slot slot = plan.slotAt(slotStart, branch.hours()).orElseThrow(() -> new ProblemException(422, "not-a-slot",
                "Not a slot", "No " + type.code() + " slot starts at " + slotStart + " at " + branch.name()
                        + " (slots of " + plan.slotMinutes() + " minutes from the opening, " + branch.zone() + " time)"));
        Instant now = clock.instant();
        if (now.isAfter(window.onTimeUntil(slot.start()))) {
            throw ProblemException.conflict("slot-passed", "The slot at " + slot.start() + " has passed");
        }
        LocalDate lastDay = now.atZone(branch.zone()).toLocalDate().plusDays(config.appointments().bookAheadDays());
        if (slot.start().atZone(branch.zone()).toLocalDate().isAfter(lastDay)) {
            throw new ProblemException(422, "too-far-ahead", "Too far ahead",
                    "Slots can be booked up to " + config.appointments().bookAheadDays() + " days ahead (until " + lastDay + ")");
        }
        int held = appointments.placesHeld(branch.id(), type.code(), slot.start(), slot.end()).getOrDefault(slot.start(), 0);
        if (held >= plan.capacity()) {
            throw ProblemException.conflict("slot-full", "The " + type.code() + " slot at " + slot.start() + " is full ("
                    + plan.capacity() + " places)");
        }
        Appointment a = new Appointment();
        a.id = io.hallwatch.events.TimeOrderedIds.next();
        a.branchId = branch.id();
        a.businessType = type.code();
        a.slotStart = slot.start();
        a.slotEnd = slot.end();
        a.status = AppointmentStatus.BOOKED;
        a.checkInCode = checkInCodes.forAppointment(branch.id());
        a.customerRef = customerRef;
        a.bookedAt = now;
        a.idempotencyKey = idempotencyKey;
        appointments.insert(a);
        events.booked(a);
        return new Booked(booking(a), true);
    }

    public Booking find(UUID id) {
        return booking(appointment(id, false));
    }

    public String branchOf(UUID id) {
        return appointment(id, false).branchId;
    }

    /** The customer cancels: the place is free again. 409 appointment-not-booked where it is no longer BOOKED. */
    @Transactional
    public Booking cancel(UUID id) {
        Appointment a = appointment(id, true);
        end(() -> a.cancel(clock.instant()));
        appointments.update(a);
        events.cancelled(a, AppointmentEvents.CUSTOMER);
        return booking(a);
    }

    /**
     * The customer checks in with the appointment's code: within the window a ticket called ahead of walk-ups from the
     * slot's start, late an ordinary ticket; a check-in repeated answers the ticket made the first time. 409
     * check-in-too-early (with the time it opens), 409 appointment-missed (past the no-show time), 409
     * appointment-cancelled; 404 check-in-code-unknown.
     */
    @Transactional
    public TicketService.Issued checkIn(String branchId, String code) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        Appointment a = appointments.lockByCode(branch.id(), code).orElseThrow(() -> ProblemException.notFound(
                "check-in-code-unknown", "No appointment at " + branch.name() + " has the check-in code " + code));
        if (a.status == AppointmentStatus.CHECKED_IN) {
            return new TicketService.Issued(ticketService.find(a.ticketId), false);
        }
        if (a.status == AppointmentStatus.CANCELLED) {
            throw ProblemException.conflict("appointment-cancelled", "This appointment was cancelled; take a ticket at the kiosk");
        }
        Instant now = clock.instant();
        AppointmentWindow.Arrival arrival = a.status == AppointmentStatus.NO_SHOW ? AppointmentWindow.Arrival.MISSED
                : window.judge(a.slotStart, now);
        switch (arrival) {
            case TOO_EARLY -> throw new ProblemException(409, "check-in-too-early", "Too early to check in",
                    "The appointment at " + a.slotStart + " can be checked in from " + window.opensAt(a.slotStart));
            case MISSED -> throw ProblemException.conflict("appointment-missed", "The appointment at " + a.slotStart
                    + " was missed (nobody checked in by " + window.noShowAt(a.slotStart) + "); take a ticket at the kiosk");
            default -> {
            }
        }
        boolean onTime = arrival == AppointmentWindow.Arrival.ON_TIME;
        TicketService.Issued issued = ticketService.issueForAppointment(branch, a, onTime, now);
        a.checkedIn(issued.ticket().ticket().id, now);
        appointments.update(a);
        events.checkedIn(a, issued.ticket().ticket(), !onTime);
        return issued;
    }

    private Booking booking(Appointment a) {
        return new Booking(a, window.opensAt(a.slotStart), window.onTimeUntil(a.slotStart), window.noShowAt(a.slotStart));
    }

    private Appointment appointment(UUID id, boolean forUpdate) {
        return (forUpdate ? appointments.findForUpdate(id) : appointments.find(id))
                .orElseThrow(() -> ProblemException.notFound("appointment-not-found", "No appointment " + id));
    }

    private static void end(Runnable change) {
        try {
            change.run();
        } catch (AppointmentStateException e) {
            throw ProblemException.conflict("appointment-not-booked", e.getMessage());
        }
    }

    /** The appointments with slots on the branch's local {@code day}, by slot. */
    public List<Booking> ofDay(String branchId, LocalDate day) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        ZonedDateTime from = day.atStartOfDay(branch.zone());
        return appointments.ofBranch(branch.id(), from.toInstant(), from.plusDays(1).toInstant()).stream().map(this::booking).toList();
    }
}
