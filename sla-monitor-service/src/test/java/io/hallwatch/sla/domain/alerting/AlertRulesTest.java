package io.hallwatch.sla.domain.alerting;

import io.hallwatch.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import static io.hallwatch.sla.domain.alerting.AlertRules.AfterFailure.GIVE_UP;
import static io.hallwatch.sla.domain.alerting.AlertRules.AfterFailure.NEXT_CHANNEL;
import static io.hallwatch.sla.domain.alerting.AlertRules.AfterFailure.RETRY_SAME_CHANNEL;
import static io.hallwatch.sla.domain.alerting.AlertRules.BreachDecision.JOIN_GROUP;
import static io.hallwatch.sla.domain.alerting.AlertRules.BreachDecision.PAGE_NOW;
import static io.hallwatch.sla.domain.alerting.AlertRules.BreachDecision.QUIET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(18, 0);
    private static final Duration WINDOW = Duration.ofSeconds(30);

    private static MutableClock clockAt(Instant at) {
        MutableClock c = new MutableClock();
        c.set(at);
        return c;
    }

    @Test
    void the_first_breach_pages_at_once_and_later_ones_join_the_group_until_the_window_closes() {
        MutableClock clock = clockAt(Instant.parse("2026-11-24T02:00:00Z"));
        Instant first = clock.instant();
        assertEquals(PAGE_NOW, AlertRules.onBreach(first, Optional.empty(), true));
        Optional<Instant> group = Optional.of(first.plus(WINDOW));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(JOIN_GROUP, AlertRules.onBreach(clock.instant(), group, true));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(PAGE_NOW, AlertRules.onBreach(clock.instant(), group, true));
    }

    @Test
    void outside_opening_hours_nothing_is_sent() {
        assertEquals(QUIET, AlertRules.onBreach(Instant.parse("2026-11-24T12:00:00Z"), Optional.empty(), false));
        assertFalse(AlertRules.isOpen(Instant.parse("2026-11-24T00:59:59Z"), SHANGHAI, OPENS, CLOSES)); // 08:59:59
        assertTrue(AlertRules.isOpen(Instant.parse("2026-11-24T01:00:00Z"), SHANGHAI, OPENS, CLOSES)); // 09:00
        assertTrue(AlertRules.isOpen(Instant.parse("2026-11-24T09:59:59Z"), SHANGHAI, OPENS, CLOSES)); // 17:59:59
        assertFalse(AlertRules.isOpen(Instant.parse("2026-11-24T10:00:00Z"), SHANGHAI, OPENS, CLOSES)); // 18:00
    }

    @Test
    void an_unacknowledged_alert_climbs_one_level_per_interval_and_an_ack_stops_it() {
        MutableClock clock = clockAt(Instant.parse("2026-11-24T02:00:00Z"));
        Instant levelAt = clock.instant();
        Duration after = Duration.ofMinutes(5);
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertEquals(1, AlertRules.dueLevel(1, levelAt, clock.instant(), after, false, 3));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, AlertRules.dueLevel(1, levelAt, clock.instant(), after, false, 3));
        assertEquals(1, AlertRules.dueLevel(1, levelAt, clock.instant(), after, true, 3));
        assertEquals(3, AlertRules.dueLevel(3, levelAt, clock.instant().plus(Duration.ofHours(1)), after, false, 3));
        assertEquals(2, AlertRules.firstLevel(true));
        assertEquals(1, AlertRules.firstLevel(false));
    }

    @Test
    void retries_back_off_exponentially_then_fall_back_to_the_next_channel() {
        Duration initial = Duration.ofMillis(200);
        Duration max = Duration.ofSeconds(5);
        assertEquals(Duration.ofMillis(200), AlertRules.backoff(1, initial, max));
        assertEquals(Duration.ofMillis(400), AlertRules.backoff(2, initial, max));
        assertEquals(Duration.ofMillis(800), AlertRules.backoff(3, initial, max));
        assertEquals(max, AlertRules.backoff(20, initial, max));
        assertEquals(RETRY_SAME_CHANNEL, AlertRules.afterFailure(false, 1, 3, 0, 2));
        assertEquals(NEXT_CHANNEL, AlertRules.afterFailure(false, 3, 3, 0, 2));
        assertEquals(NEXT_CHANNEL, AlertRules.afterFailure(true, 1, 3, 0, 2));
        assertEquals(GIVE_UP, AlertRules.afterFailure(true, 1, 3, 1, 2));
    }
}
