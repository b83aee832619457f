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
    void the_live_days_end_at_midnight_after_today_on_this_clock() {
        Instant now = Instant.parse("2026-12-07T23:59:59.999Z");
        UUID until = IdDays.liveUntil(now);
        assertEquals(IdDays.lowestAt(IdDays.start(LocalDate.of(2026, 12, 8))), until);
        assertEquals(until, IdDays.liveUntil(Instant.parse("2026-12-07T00:00:00Z")), "one bound all day");
        assertTrue(IdDays.lowestAt(now).compareTo(until) < 0, "the last id made today is in");
        assertEquals(0, IdDays.lowestAt(now.plusMillis(1)).compareTo(until), "the first of tomorrow is out until midnight here");
    }

    @Test
    void the_queues_own_live_days_are_yesterday_and_today() {
        assertEquals(IdDays.lowestAt(IdDays.start(LocalDate.of(2026, 12, 6))), IdDays.ownLiveFrom(Instant.parse("2026-12-07T00:00:00Z")));
        assertEquals(IdDays.lowestAt(IdDays.start(LocalDate.of(2026, 12, 6))), IdDays.ownLiveFrom(Instant.parse("2026-12-07T23:59:59.999Z")));
        // A ticket made just after midnight is still live 24 hours later, whenever in the day the read comes.
        Instant madeAt = Instant.parse("2026-12-06T00:00:00.001Z");
        assertTrue(IdDays.lowestAt(madeAt).compareTo(IdDays.ownLiveFrom(madeAt.plus(java.time.Duration.ofHours(24)))) >= 0);
    }

    @Test
    void a_bound_from_both_sides_is_written_in_as_two_constants() {
        String bound = IdDays.liveOwnIds("t.id");
        Instant now = Instant.now();
        UUID from = IdDays.ownLiveFrom(now);
        assertTrue(bound.startsWith("t.id >= '" + from + "' AND t.id < '"), bound);
        UUID until = UUID.fromString(bound.substring(bound.lastIndexOf("< '") + 3, bound.length() - 1));
        assertEquals(IdDays.liveUntil(now), until);
        assertEquals(java.time.Period.ofDays(2), java.time.Period.between(IdDays.dayOf(from), IdDays.dayOf(until)),
                "yesterday and today");
    }
}
