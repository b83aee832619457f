package io.hallwatch.common.retention;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
