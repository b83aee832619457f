package io.hallwatch.sla.domain.alerting;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterRulesTest {
    // 2026-11-24 is a Tuesday.
    private static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 11, 24, 0, 0);

    private static List<String> ids(List<DutyRoster.Person> people) {
        return people.stream().map(DutyRoster.Person::staffId).toList();
    }

    @Test
    void the_shift_window_is_from_inclusive_to_exclusive() {
        DutyRoster r = Rosters.weekdays();
        assertEquals(List.of(), ids(RosterRules.onShift(r, TUESDAY.withHour(8).withMinute(59))));
        assertEquals(List.of("dm-am"), ids(RosterRules.onShift(r, TUESDAY.withHour(9))));
        assertEquals(List.of("dm-am"), ids(RosterRules.onShift(r, TUESDAY.withHour(12).withMinute(59))));
        assertEquals(List.of("dm-pm"), ids(RosterRules.onShift(r, TUESDAY.withHour(13))));
        assertEquals(List.of(), ids(RosterRules.onShift(r, TUESDAY.withHour(18))));
    }

    @Test
    void nobody_is_on_shift_on_a_day_the_roster_does_not_name() {
        assertEquals(List.of(), ids(RosterRules.onShift(Rosters.weekdays(), TUESDAY.plusDays(4).withHour(10)))); // Saturday
    }

    @Test
    void levels_follow_the_chain_and_an_empty_shift_goes_to_the_area_manager() {
        DutyRoster r = Rosters.weekdays();
        assertEquals(List.of("dm-am"), ids(RosterRules.atLevel(r, 1, TUESDAY.withHour(10))));
        assertEquals(List.of("area-1"), ids(RosterRules.atLevel(r, 1, TUESDAY.plusDays(4).withHour(10))));
        assertEquals(List.of("area-1"), ids(RosterRules.atLevel(r, 2, TUESDAY.withHour(10))));
        assertEquals(List.of("region-1"), ids(RosterRules.atLevel(r, 3, TUESDAY.withHour(10))));
        assertEquals(List.of(), ids(RosterRules.atLevel(r, 4, TUESDAY.withHour(10))));
    }

    @Test
    void phone_numbers_are_masked_and_other_addresses_are_not() {
        assertEquals("138****5678", Masking.mask("13812345678"));
        assertEquals("+86137****1111", Masking.mask("+8613700001111"));
        assertEquals("wang.li", Masking.mask("wang.li"));
        DutyRoster m = Rosters.weekdays().masked();
        assertEquals("138****5678", m.shifts().get(0).managers().get(0).channels().get(0).address());
        assertEquals("wang.li", m.shifts().get(0).managers().get(0).channels().get(1).address());
    }

    @Test
    void a_valid_roster_has_no_problems_and_each_mistake_is_named_without_the_address() {
        assertEquals(List.of(), RosterValidator.problems(Rosters.weekdays()));
        DutyRoster bad = new DutyRoster(List.of(new DutyRoster.Shift(List.of("FUNDAY"), "18:00", "09:00",
                List.of(Rosters.person("dm", "SMS", "12345")))), null);
        List<String> p = RosterValidator.problems(bad);
        assertTrue(p.contains("shifts[0].days: 'FUNDAY' is not one of MONDAY..SUNDAY"), p.toString());
        assertTrue(p.contains("shifts[0]: from must be before to (a shift lies within one day)"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("shifts[0].managers[0].channels[0].address")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("escalation: required")), p.toString());
        assertTrue(p.stream().noneMatch(s -> s.contains("12345")), p.toString());
    }
}
