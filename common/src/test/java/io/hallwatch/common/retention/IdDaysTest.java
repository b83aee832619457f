package io.hallwatch.common.retention;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdDaysTest {

    @Test
    void the_live_bound_is_the_start_of_the_utc_day_three_days_back_so_it_moves_once_a_day() {
        UUID morning = IdDays.liveFrom(Instant.parse("2026-12-07T00:00:01Z"));
        UUID night = IdDays.liveFrom(Instant.parse("2026-12-07T23:59:59Z"));
        assertEquals(morning, night, "one bound all day");
        assertEquals(IdDays.lowestAt(IdDays.start(LocalDate.of(2026, 12, 4))), morning);
        assertEquals(LocalDate.of(2026, 12, 5), IdDays.dayOf(IdDays.liveFrom(Instant.parse("2026-12-08T00:00:00Z"))));
    }

    @Test
    void the_bound_is_written_into_the_statement_as_a_constant() {
        UUID from = IdDays.lowestAt(Instant.parse("2026-12-04T00:00:00Z"));
        assertEquals("t.id >= '" + from + "'", IdDays.idsFrom("t.id", from));
        assertEquals("id >= '" + IdDays.liveFrom() + "'", IdDays.liveIds("id"));
    }

    @Test
    void the_live_days_end_before_the_day_after_tomorrow_which_no_id_made_now_reaches() {
        Instant now = Instant.parse("2026-12-07T23:59:59.999Z");
        UUID until = IdDays.liveUntil(now);
        assertEquals(IdDays.lowestAt(IdDays.start(LocalDate.of(2026, 12, 9))), until);
        assertEquals(until, IdDays.liveUntil(Instant.parse("2026-12-07T00:00:00Z")), "one bound all day");
        // An id made a day ahead of this clock (another machine's, wrong by a day) is still below it.
        assertTrue(IdDays.lowestAt(now.plus(java.time.Duration.ofDays(1))).compareTo(until) < 0);
        assertEquals(LocalDate.of(2026, 12, 9), IdDays.dayOf(until));
    }

    @Test
    void a_bound_from_both_sides_is_written_in_as_two_constants() {
        String bound = IdDays.liveOwnIds("t.id");
        UUID from = IdDays.liveFrom();
        assertTrue(bound.startsWith("t.id >= '" + from + "' AND t.id < '"), bound);
        UUID until = UUID.fromString(bound.substring(bound.lastIndexOf("< '") + 3, bound.length() - 1));
        assertEquals(IdDays.liveUntil(Instant.now()), until);
        assertEquals(java.time.Period.ofDays(5), java.time.Period.between(IdDays.dayOf(from), IdDays.dayOf(until)),
                "three days back, today and tomorrow");
    }
}
