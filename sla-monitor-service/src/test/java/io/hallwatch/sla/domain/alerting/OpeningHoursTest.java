package io.hallwatch.sla.domain.alerting;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpeningHoursTest {
    // 2026-11-24 is a Tuesday.
    private static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 11, 24, 0, 0);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime SIX_PM = LocalTime.of(18, 0);

    private static DutyRoster withHours(List<DutyRoster.Hours> hours, List<String> closed) {
        DutyRoster r = Rosters.weekdays();
        return new DutyRoster(r.shifts(), r.escalation(), hours, closed);
    }

    @Test
    void a_roster_without_hours_gets_the_default_window_every_day() {
        OpeningHours h = OpeningHours.of(Rosters.weekdays(), NINE, SIX_PM);
        assertFalse(h.isOpen(TUESDAY.withHour(8).withMinute(59)));
        assertTrue(h.isOpen(TUESDAY.withHour(9)));
        assertTrue(h.isOpen(TUESDAY.withHour(17).withMinute(59)));
        assertFalse(h.isOpen(TUESDAY.withHour(18)));
        assertTrue(h.isOpen(TUESDAY.plusDays(5).withHour(10)), "Sunday too, as before per-branch hours");
    }

    @Test
    void each_weekday_has_its_own_window_and_a_day_not_named_is_closed() {
        DutyRoster r = withHours(List.of(
                new DutyRoster.Hours(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "08:30", "20:00"),
                new DutyRoster.Hours(List.of("SATURDAY"), "10:00", "16:00")), null);
        OpeningHours h = OpeningHours.of(r, NINE, SIX_PM);
        assertTrue(h.isOpen(TUESDAY.withHour(8).withMinute(30)), "earlier than the default");
        assertTrue(h.isOpen(TUESDAY.withHour(19).withMinute(59)), "later than the default");
        assertFalse(h.isOpen(TUESDAY.withHour(20)));
        assertFalse(h.isOpen(TUESDAY.plusDays(4).withHour(9).withMinute(59)), "Saturday opens at 10");
        assertTrue(h.isOpen(TUESDAY.plusDays(4).withHour(10)));
        assertFalse(h.isOpen(TUESDAY.plusDays(4).withHour(16)));
        assertFalse(h.isOpen(TUESDAY.plusDays(5).withHour(12)), "Sunday is named nowhere: closed");
    }

    @Test
    void two_windows_on_one_day_leave_the_lunch_break_quiet_and_a_holiday_is_closed_all_day() {
        DutyRoster r = withHours(List.of(
                new DutyRoster.Hours(List.of("TUESDAY"), "09:00", "12:00"),
                new DutyRoster.Hours(List.of("TUESDAY"), "13:30", "17:00")), List.of("2026-12-01"));
        OpeningHours h = OpeningHours.of(r, NINE, SIX_PM);
        assertTrue(h.isOpen(TUESDAY.withHour(11)));
        assertFalse(h.isOpen(TUESDAY.withHour(12).withMinute(30)));
        assertTrue(h.isOpen(TUESDAY.withHour(14)));
        assertFalse(h.isOpen(TUESDAY.plusDays(7).withHour(11)), "2026-12-01 is a holiday");
        assertFalse(OpeningHours.of(new DutyRoster(r.shifts(), r.escalation(), null, List.of("2026-11-24")), NINE, SIX_PM)
                .isOpen(TUESDAY.withHour(11)), "a holiday closes the default hours too");
    }

    @Test
    void bad_hours_and_dates_are_named_field_by_field() {
        DutyRoster r = withHours(List.of(
                new DutyRoster.Hours(List.of("FUNDAY"), "18:00", "09:00"),
                new DutyRoster.Hours(null, "9", "25:00")), List.of("2026-13-01", "tomorrow"));
        List<String> p = RosterValidator.problems(r);
        assertTrue(p.contains("openingHours[0].days: 'FUNDAY' is not one of MONDAY..SUNDAY"), p.toString());
        assertTrue(p.contains("openingHours[0]: opens must be before closes (within one day)"), p.toString());
        assertTrue(p.contains("openingHours[1].days: at least one of MONDAY..SUNDAY"), p.toString());
        assertTrue(p.contains("openingHours[1].opens: a time HH:mm in branch time"), p.toString());
        assertTrue(p.contains("openingHours[1].closes: a time HH:mm in branch time"), p.toString());
        assertTrue(p.contains("closedDates[0]: a date YYYY-MM-DD"), p.toString());
        assertTrue(p.contains("closedDates[1]: a date YYYY-MM-DD"), p.toString());
        assertEquals(7, p.size(), p.toString());
        assertEquals(List.of(), RosterValidator.problems(withHours(List.of(new DutyRoster.Hours(List.of("MONDAY"), "08:00", "20:00")),
                List.of("2026-10-01"))));
    }
}
