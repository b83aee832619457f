package io.hallwatch.queue.domain.day;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceDayTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    /** 09:00–21:00 Shanghai, 15 minutes' grace. */
    private static final ServiceDay LATE_HALL = new ServiceDay(
            new DayHours(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(21, 0), Duration.ofMinutes(15)));

    private static Instant shanghai(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    private static Optional<DayExtension> until(LocalDate day, Instant until) {
        return Optional.of(new DayExtension(UUID.randomUUID(), "B", day, until, null, "duty", until.minusSeconds(7200)));
    }

    @Test
    void a_branch_closing_at_21_shanghai_closes_at_13_utc_and_ends_after_its_grace() {
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), LATE_HALL.closes(MONDAY, Optional.empty()));
        assertEquals(Instant.parse("2026-12-07T13:15:00Z"), LATE_HALL.closeDue(MONDAY, Optional.empty()));
        assertEquals(Instant.parse("2026-12-07T01:00:00Z"), LATE_HALL.opens(MONDAY));
    }

    @Test
    void the_day_is_open_in_its_hours_closing_during_the_grace_and_closed_after() {
        assertEquals(DayState.NOT_OPEN_YET, LATE_HALL.state(MONDAY, Optional.empty(), shanghai(MONDAY, 8, 59)));
        assertEquals(DayState.OPEN, LATE_HALL.state(MONDAY, Optional.empty(), shanghai(MONDAY, 9, 0)));
        assertEquals(DayState.OPEN, LATE_HALL.state(MONDAY, Optional.empty(), shanghai(MONDAY, 20, 59)));
        assertEquals(DayState.CLOSING, LATE_HALL.state(MONDAY, Optional.empty(), shanghai(MONDAY, 21, 0)));
        assertEquals(DayState.CLOSING, LATE_HALL.state(MONDAY, Optional.empty(), shanghai(MONDAY, 21, 14)));
        assertEquals(DayState.CLOSED, LATE_HALL.state(MONDAY, Optional.empty(), shanghai(MONDAY, 21, 15)));
        assertFalse(LATE_HALL.isOver(MONDAY, Optional.empty(), shanghai(MONDAY, 21, 14)));
        assertTrue(LATE_HALL.isOver(MONDAY, Optional.empty(), shanghai(MONDAY, 21, 15)));
    }

    @Test
    void a_ticket_belongs_to_the_local_day_not_the_utc_one() {
        // 00:30 UTC on the 7th is 08:30 Shanghai: before opening. 01:30 UTC is 09:30: the 7th's day.
        assertEquals(Optional.empty(), LATE_HALL.openDay(Instant.parse("2026-12-07T00:30:00Z"), d -> Optional.empty()));
        assertEquals(Optional.of(MONDAY), LATE_HALL.openDay(Instant.parse("2026-12-07T01:30:00Z"), d -> Optional.empty()));
        // 16:30 UTC on the 6th is 00:30 on the 7th in Shanghai: nothing is open.
        assertEquals(Optional.empty(), LATE_HALL.openDay(Instant.parse("2026-12-06T16:30:00Z"), d -> Optional.empty()));
        assertEquals(Instant.parse("2026-12-07T01:00:00Z"), LATE_HALL.nextOpening(Instant.parse("2026-12-06T16:30:00Z")));
        assertEquals(Instant.parse("2026-12-08T01:00:00Z"), LATE_HALL.nextOpening(shanghai(MONDAY, 21, 0)));
    }

    @Test
    void an_extension_past_midnight_belongs_to_the_day_it_extended_and_keeps_it_open_until_it_ends() {
        Instant half_past_midnight = shanghai(MONDAY.plusDays(1), 0, 30);
        assertEquals(MONDAY, LATE_HALL.extendedDay(half_past_midnight));
        Optional<DayExtension> extension = until(MONDAY, half_past_midnight);
        Map<LocalDate, Optional<DayExtension>> extensions = Map.of(MONDAY, extension);
        var lookup = (java.util.function.Function<LocalDate, Optional<DayExtension>>) d -> extensions.getOrDefault(d, Optional.empty());

        assertEquals(Optional.of(MONDAY), LATE_HALL.openDay(shanghai(MONDAY, 22, 0), lookup));
        assertEquals(Optional.of(MONDAY), LATE_HALL.openDay(shanghai(MONDAY.plusDays(1), 0, 10), lookup));
        assertEquals(Optional.empty(), LATE_HALL.openDay(shanghai(MONDAY.plusDays(1), 0, 30), lookup));
        assertEquals(DayState.CLOSING, LATE_HALL.state(MONDAY, extension, shanghai(MONDAY.plusDays(1), 0, 44)));
        assertEquals(DayState.CLOSED, LATE_HALL.state(MONDAY, extension, shanghai(MONDAY.plusDays(1), 0, 45)));
        assertEquals(Instant.parse("2026-12-07T16:45:00Z"), LATE_HALL.closeDue(MONDAY, extension));
        // The next day opens at its own time, with its own numbers.
        assertEquals(Optional.of(MONDAY.plusDays(1)), LATE_HALL.openDay(shanghai(MONDAY.plusDays(1), 9, 0), lookup));
    }

    @Test
    void an_extension_ending_before_the_regular_close_does_not_shorten_the_day() {
        Optional<DayExtension> shorter = until(MONDAY, shanghai(MONDAY, 20, 0));
        assertEquals(shanghai(MONDAY, 21, 0), LATE_HALL.closes(MONDAY, shorter));
    }

    @Test
    void an_end_in_the_small_hours_extends_the_day_before_and_one_after_opening_the_day_itself() {
        assertEquals(MONDAY, LATE_HALL.extendedDay(shanghai(MONDAY.plusDays(1), 8, 59)));
        assertEquals(MONDAY.plusDays(1), LATE_HALL.extendedDay(shanghai(MONDAY.plusDays(1), 22, 0)));
        assertEquals(MONDAY, LATE_HALL.extendedDay(shanghai(MONDAY, 23, 0)));
    }

    @Test
    void an_extension_is_refused_for_a_day_already_over_before_the_regular_close_or_in_the_past() {
        Instant at2130 = shanghai(MONDAY, 21, 30);
        assertEquals(ServiceDay.Refusal.DAY_OVER,
                LATE_HALL.refusal(shanghai(MONDAY, 23, 0), Optional.empty(), at2130).orElseThrow().reason());
        assertEquals(ServiceDay.Refusal.NOT_AFTER_REGULAR_CLOSE,
                LATE_HALL.refusal(shanghai(MONDAY, 20, 0), Optional.empty(), shanghai(MONDAY, 19, 0)).orElseThrow().reason());
        // During the grace the day can still be extended, but only into the future.
        assertEquals(ServiceDay.Refusal.NOT_AHEAD,
                LATE_HALL.refusal(shanghai(MONDAY, 21, 5), Optional.empty(), shanghai(MONDAY, 21, 10)).orElseThrow().reason());
        assertEquals(Optional.empty(), LATE_HALL.refusal(shanghai(MONDAY, 22, 0), Optional.empty(), shanghai(MONDAY, 21, 10)));
        // An extension is an evening or a night, not a change of hours: at most 36 hours ahead.
        assertEquals(ServiceDay.Refusal.TOO_FAR,
                LATE_HALL.refusal(shanghai(MONDAY.plusDays(2), 22, 0), Optional.empty(), shanghai(MONDAY, 10, 0)).orElseThrow().reason());
        assertEquals(ServiceDay.Refusal.TOO_FAR,
                LATE_HALL.refusal(Instant.parse("+200000-01-01T00:00:00Z"), Optional.empty(), shanghai(MONDAY, 10, 0)).orElseThrow().reason());
        // A day kept open by an extension can be extended again while it runs.
        Optional<DayExtension> first = until(MONDAY, shanghai(MONDAY.plusDays(1), 0, 30));
        assertEquals(Optional.empty(),
                LATE_HALL.refusal(shanghai(MONDAY.plusDays(1), 1, 0), first, shanghai(MONDAY.plusDays(1), 0, 20)));
        assertTrue(LATE_HALL.refusal(shanghai(MONDAY.plusDays(1), 1, 0), first, shanghai(MONDAY.plusDays(1), 0, 45))
                .orElseThrow().detail().contains("already over"));
    }

    @Test
    void a_zone_west_of_utc_keeps_its_own_days() {
        ServiceDay newYork = new ServiceDay(new DayHours(ZoneId.of("America/New_York"), LocalTime.of(9, 0), LocalTime.of(20, 0),
                Duration.ZERO));
        // 20:00 New York in December is 01:00 UTC the next day.
        assertEquals(Instant.parse("2026-12-08T01:00:00Z"), newYork.closeDue(MONDAY, Optional.empty()));
        assertEquals(Optional.of(MONDAY), newYork.openDay(Instant.parse("2026-12-08T00:59:00Z"), d -> Optional.empty()));
        assertEquals(Optional.empty(), newYork.openDay(Instant.parse("2026-12-08T01:00:00Z"), d -> Optional.empty()));
    }

    @Test
    void at_any_moment_a_ticket_issued_belongs_to_an_open_day_that_has_not_ended() {
        Random random = new Random(23);
        for (int i = 0; i < 5_000; i++) {
            LocalTime opens = LocalTime.of(random.nextInt(12), random.nextInt(4) * 15);
            LocalTime closes = opens.plusHours(1 + random.nextInt(11));
            ServiceDay rule = new ServiceDay(new DayHours(SHANGHAI, opens, closes, Duration.ofMinutes(random.nextInt(60))));
            Instant now = LocalDateTime.of(2026, 12, 1, 0, 0).atZone(SHANGHAI).toInstant()
                    .plusSeconds(random.nextInt(14 * 24 * 3600));
            LocalDate extendedDay = LocalDate.ofInstant(now, SHANGHAI).minusDays(random.nextInt(2));
            Instant extendedUntil = rule.regularClose(extendedDay).plusSeconds(random.nextInt(10 * 3600));
            Optional<DayExtension> ext = random.nextBoolean() && rule.extendedDay(extendedUntil).equals(extendedDay)
                    ? until(extendedDay, extendedUntil) : Optional.empty();
            var lookup = (java.util.function.Function<LocalDate, Optional<DayExtension>>) d -> d.equals(extendedDay) ? ext : Optional.empty();
            Optional<LocalDate> open = rule.openDay(now, lookup);
            if (open.isPresent()) {
                LocalDate day = open.get();
                assertEquals(DayState.OPEN, rule.state(day, lookup.apply(day), now), () -> "at " + now + " day " + day);
                assertFalse(rule.isOver(day, lookup.apply(day), now));
                assertTrue(rule.closeDue(day, lookup.apply(day)).isAfter(now));
            } else {
                LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
                for (LocalDate d : new LocalDate[]{today, today.minusDays(1)}) {
                    assertTrue(rule.state(d, lookup.apply(d), now) != DayState.OPEN, () -> "at " + now + " day " + d + " is open");
                }
                assertTrue(rule.nextOpening(now).isAfter(now));
            }
        }
    }
}
