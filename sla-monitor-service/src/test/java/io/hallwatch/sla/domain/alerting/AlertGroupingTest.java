package io.hallwatch.sla.domain.alerting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.hallwatch.sla.domain.alerting.AlertGrouping.Decision.JOIN_GROUP;
import static io.hallwatch.sla.domain.alerting.AlertGrouping.Decision.PAGE_NOW;
import static io.hallwatch.sla.domain.alerting.AlertGrouping.Decision.QUIET;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertGroupingTest {
    private static final Instant FIRST = Instant.parse("2026-11-24T02:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(30);

    @Test
    void the_first_breach_pages_at_once_and_later_ones_join_the_group_until_the_window_closes() {
        assertEquals(PAGE_NOW, AlertGrouping.onBreach(FIRST, Optional.empty(), true, false));
        Optional<Instant> group = Optional.of(AlertGrouping.windowEnd(FIRST, WINDOW));
        assertEquals(JOIN_GROUP, AlertGrouping.onBreach(FIRST.plusSeconds(29), group, true, false));
        assertEquals(PAGE_NOW, AlertGrouping.onBreach(FIRST.plusSeconds(30), group, true, false), "the window closed: a new page");
    }

    @Test
    void a_closed_or_silenced_branch_is_told_nothing_even_inside_an_open_group() {
        Optional<Instant> group = Optional.of(AlertGrouping.windowEnd(FIRST, WINDOW));
        assertEquals(QUIET, AlertGrouping.onBreach(FIRST, Optional.empty(), false, false));
        assertEquals(QUIET, AlertGrouping.onBreach(FIRST, Optional.empty(), true, true));
        assertEquals(QUIET, AlertGrouping.onBreach(FIRST.plusSeconds(1), group, false, false));
        assertEquals(QUIET, AlertGrouping.onBreach(FIRST.plusSeconds(1), group, true, true));
    }

    @Test
    void a_quiet_alert_is_kept_quiet_and_any_other_starts_open() {
        assertEquals("QUIET", QUIET.newAlertStatus());
        assertEquals("OPEN", PAGE_NOW.newAlertStatus());
    }
}
