package io.hallwatch.sla.domain.alerting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscalationTest {
    private static final Instant LEVEL_AT = Instant.parse("2026-11-24T02:00:00Z");
    private static final Duration AFTER = Duration.ofMinutes(5);

    @Test
    void an_unacknowledged_alert_climbs_one_level_per_interval_and_an_ack_stops_it() {
        assertEquals(1, Escalation.dueLevel(1, LEVEL_AT, LEVEL_AT.plus(Duration.ofMinutes(4).plusSeconds(59)), AFTER, false));
        assertEquals(2, Escalation.dueLevel(1, LEVEL_AT, LEVEL_AT.plus(AFTER), AFTER, false));
        assertEquals(1, Escalation.dueLevel(1, LEVEL_AT, LEVEL_AT.plus(AFTER), AFTER, true));
        assertEquals(3, Escalation.dueLevel(2, LEVEL_AT, LEVEL_AT.plus(AFTER), AFTER, false));
        assertEquals(3, Escalation.dueLevel(3, LEVEL_AT, LEVEL_AT.plus(Duration.ofHours(1)), AFTER, false), "the top stays the top");
    }

    @Test
    void an_alert_is_due_once_its_level_was_set_at_or_before_the_cutoff() {
        Instant now = LEVEL_AT.plus(AFTER);
        assertEquals(LEVEL_AT, Escalation.dueIfLevelSetBy(now, AFTER));
        assertEquals(2, Escalation.next(1));
        assertEquals(Escalation.TOP, Escalation.next(Escalation.TOP));
    }

    @Test
    void a_branch_average_breach_starts_at_the_area_manager() {
        assertEquals(2, Escalation.firstLevel(true));
        assertEquals(1, Escalation.firstLevel(false));
    }

    @Test
    void each_message_has_one_id_per_alert_purpose_and_person_and_the_first_one_is_told_apart() {
        assertEquals("PAGE", Notifications.first(1));
        assertEquals("ESCALATION", Notifications.first(2));
        String page = Notifications.id("alert-1", Notifications.first(1), "dm");
        assertEquals("alert-1:PAGE:dm", page);
        assertTrue(Notifications.isFirst(page));
        assertTrue(Notifications.isFirst(Notifications.id("alert-1", Notifications.first(2), "area")));
        assertFalse(Notifications.isFirst(Notifications.id("alert-1", Notifications.escalatedTo(2), "area")));
        assertFalse(Notifications.isFirst(Notifications.id("alert-1", Notifications.followUp(1), "dm")));
        assertEquals("alert-1:FOLLOW_UP-2:dm", Notifications.id("alert-1", Notifications.followUp(2), "dm"));
        assertEquals("alert-1:ESCALATION-3:region", Notifications.id("alert-1", Notifications.escalatedTo(3), "region"));
    }
}
