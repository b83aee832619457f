package io.hallwatch.web.domain;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaCleared;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.SlaWarning;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.web.domain.duty.ConsoleFinding;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleFindingTest {
    private static final Instant T = Instant.parse("2026-12-06T02:30:00Z");

    @Test
    void a_wait_breach_is_an_open_breach_row_with_its_ticket_type_rule_and_whole_minutes_over_rounded_up() {
        SlaBreached b = new SlaBreached("b-1", "GZ-TH-001", "t-1", "A012", "PAYMENT", CustomerTier.NORMAL, SlaRule.WAIT,
                900, 1030, T.minusSeconds(1030), T.minusSeconds(130), T, false, null, null);
        ConsoleFinding f = ConsoleFinding.of(b).orElseThrow();
        assertEquals("OPEN", f.change());
        assertEquals("BREACH", f.level());
        assertEquals("WAIT", f.rule());
        assertEquals("A012", f.ticketNumber());
        assertEquals("PAYMENT", f.businessType());
        assertEquals("GZ-TH-001", f.branchId());
        assertEquals(3, f.minutesOver(), "130 s over is 3 whole minutes, rounded up");
        assertEquals(T, f.detectedAt());
    }

    @Test
    void a_warning_is_not_over_yet_and_a_branch_average_finding_has_no_ticket() {
        SlaWarning w = new SlaWarning("w-1", "GZ-TH-001", null, null, null, null, SlaRule.BRANCH_AVERAGE_WAIT,
                900, 760, null, null, T, null, null);
        ConsoleFinding f = ConsoleFinding.of(w).orElseThrow();
        assertEquals("WARNING", f.level());
        assertEquals(0, f.minutesOver());
        assertNull(f.ticketNumber());
        assertNull(f.businessType());
    }

    @Test
    void a_clear_takes_the_row_off_and_other_events_make_none() {
        ConsoleFinding c = ConsoleFinding.of(new SlaCleared("b-1", "GZ-TH-001", "t-1", SlaRule.WAIT, 900, 1100, T)).orElseThrow();
        assertEquals("CLEARED", c.change());
        assertEquals("b-1", c.breachId());
        assertNull(c.level());
        assertTrue(ConsoleFinding.of(new TicketCalled("t-1", "GZ-TH-001", "A012", "PAYMENT", CustomerTier.NORMAL, T, T, "C01", "clerk-1", 60))
                .isEmpty());
    }

    @Test
    void minutes_over_is_zero_within_the_limit_and_one_for_a_second_past_it() {
        assertEquals(0, ConsoleFinding.minutesOver(900, 900));
        assertEquals(0, ConsoleFinding.minutesOver(900, 10));
        assertEquals(1, ConsoleFinding.minutesOver(900, 901));
        assertEquals(1, ConsoleFinding.minutesOver(900, 960));
        assertEquals(2, ConsoleFinding.minutesOver(900, 961));
    }
}
