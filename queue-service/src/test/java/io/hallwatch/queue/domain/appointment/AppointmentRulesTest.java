package io.hallwatch.queue.domain.appointment;

import io.hallwatch.queue.domain.day.DayHours;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.hallwatch.queue.domain.appointment.AppointmentWindow.Arrival.LATE;
import static io.hallwatch.queue.domain.appointment.AppointmentWindow.Arrival.MISSED;
import static io.hallwatch.queue.domain.appointment.AppointmentWindow.Arrival.ON_TIME;
import static io.hallwatch.queue.domain.appointment.AppointmentWindow.Arrival.TOO_EARLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slots, the check-in window and an appointment's life, without a framework. */
class AppointmentRulesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DayHours HOURS = new DayHours(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), Duration.ofMinutes(15));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final AppointmentWindow WINDOW = new AppointmentWindow(Duration.ofMinutes(15), Duration.ofMinutes(10),
            Duration.ofMinutes(15));

    @Test
    void the_opening_hours_are_cut_into_slots_from_the_opening_and_none_runs_past_closing() {
        List<Slot> halfHours = new AppointmentPlan("BROADBAND", 30, 2).slots(DAY, HOURS);
        assertEquals(18, halfHours.size());
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), halfHours.get(0).start()); // 09:00 in Shanghai
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), halfHours.get(17).end()); // 18:00
        List<Slot> longer = new AppointmentPlan("BROADBAND", 40, 2).slots(DAY, HOURS);
        assertEquals(13, longer.size(), "540 minutes hold 13 slots of 40; a 14th would end at 18:20");
        assertEquals(Instant.parse("2026-11-24T09:40:00Z"), longer.get(12).end());
        assertTrue(new AppointmentPlan("BROADBAND", 30, 0).slots(DAY, HOURS).isEmpty(), "capacity 0: no appointments");
    }

    @Test
    void a_slot_is_found_only_where_one_starts() {
        AppointmentPlan plan = new AppointmentPlan("NEW_LINE", 30, 1);
        assertEquals(Instant.parse("2026-11-24T03:30:00Z"), plan.slotAt(Instant.parse("2026-11-24T03:30:00Z"), HOURS).orElseThrow().start());
        assertTrue(plan.slotAt(Instant.parse("2026-11-24T03:40:00Z"), HOURS).isEmpty(), "off the grid");
        assertTrue(plan.slotAt(Instant.parse("2026-11-24T10:00:00Z"), HOURS).isEmpty(), "18:00 is closing, not a slot");
        assertTrue(plan.slotAt(Instant.parse("2026-11-24T00:30:00Z"), HOURS).isEmpty(), "08:30 is before the opening");
    }

    @Test
    void a_plan_out_of_bounds_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new AppointmentPlan("X", 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new AppointmentPlan("X", 241, 1));
        assertThrows(IllegalArgumentException.class, () -> new AppointmentPlan("X", 30, -1));
        assertThrows(IllegalArgumentException.class, () -> new AppointmentPlan("X", 30, 101));
    }

    @Test
    void the_check_in_window_runs_from_15_minutes_before_to_10_after_then_late_until_the_no_show() {
        Instant slot = Instant.parse("2026-11-24T03:00:00Z");
        assertEquals(TOO_EARLY, WINDOW.judge(slot, slot.minusSeconds(15 * 60 + 1)));
        assertEquals(ON_TIME, WINDOW.judge(slot, slot.minusSeconds(15 * 60)));
        assertEquals(ON_TIME, WINDOW.judge(slot, slot));
        assertEquals(ON_TIME, WINDOW.judge(slot, slot.plusSeconds(10 * 60)));
        assertEquals(LATE, WINDOW.judge(slot, slot.plusSeconds(10 * 60 + 1)));
        assertEquals(LATE, WINDOW.judge(slot, slot.plusSeconds(15 * 60 - 1)));
        assertEquals(MISSED, WINDOW.judge(slot, slot.plusSeconds(15 * 60)));
        assertEquals(slot.minusSeconds(900), WINDOW.opensAt(slot));
        assertEquals(slot.plusSeconds(900), WINDOW.noShowAt(slot));
        assertThrows(IllegalArgumentException.class, () -> new AppointmentWindow(Duration.ZERO, Duration.ofMinutes(20), Duration.ofMinutes(15)));
    }

    @Test
    void only_a_booked_appointment_is_checked_in_cancelled_or_missed() {
        Appointment a = booked();
        a.checkedIn(UUID.randomUUID(), Instant.parse("2026-11-24T02:55:00Z"));
        assertEquals(AppointmentStatus.CHECKED_IN, a.status);
        assertTrue(a.status.holdsPlace());
        assertThrows(AppointmentStateException.class, () -> a.cancel(Instant.parse("2026-11-24T02:56:00Z")));
        assertThrows(AppointmentStateException.class, () -> a.noShow(Instant.parse("2026-11-24T03:15:00Z")));

        Appointment b = booked();
        b.noShow(Instant.parse("2026-11-24T03:15:00Z"));
        assertFalse(b.status.holdsPlace(), "a no-show frees its place");
        assertThrows(AppointmentStateException.class, () -> b.checkedIn(UUID.randomUUID(), Instant.parse("2026-11-24T03:16:00Z")));
        Appointment c = booked();
        c.cancel(Instant.parse("2026-11-24T01:00:00Z"));
        assertFalse(c.status.holdsPlace());
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), c.endedAt);
    }

    @Test
    void codes_are_six_digits_for_remote_tickets_and_eight_for_appointments_never_with_a_leading_zero() {
        CheckInCodes codes = new CheckInCodes(new Random(7));
        for (int i = 0; i < 1000; i++) {
            String remote = codes.forRemoteTicket();
            String appointment = codes.forAppointment();
            assertTrue(CheckInCodes.isRemoteTicketCode(remote) && remote.charAt(0) != '0', remote);
            assertTrue(CheckInCodes.isAppointmentCode(appointment) && appointment.charAt(0) != '0', appointment);
            assertFalse(CheckInCodes.isAppointmentCode(remote));
        }
        assertFalse(CheckInCodes.isRemoteTicketCode("A012"));
    }

    private static Appointment booked() {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.slotStart = Instant.parse("2026-11-24T03:00:00Z");
        a.status = AppointmentStatus.BOOKED;
        return a;
    }
}
