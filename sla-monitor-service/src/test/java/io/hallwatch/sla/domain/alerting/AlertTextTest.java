package io.hallwatch.sla.domain.alerting;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertTextTest {
    private static final Instant AT = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    void a_page_names_the_rule_the_ticket_and_how_far_over_the_limit_it_is() {
        SlaBreached b = new SlaBreached("b-1", "GZ-TH-001", "t-1", "A017", "GENERAL", CustomerTier.NORMAL, SlaRule.WAIT,
                900, 961, AT.minusSeconds(961), AT.minusSeconds(61), AT, false, null, null);
        AlertMessage m = AlertText.page("alert-b-1", b);
        assertEquals("SLA breach at GZ-TH-001", m.title());
        assertEquals("- WAIT ticket A017: 16 min 1 s (limit 15 min 0 s)", m.markdown());
        assertEquals(List.of("GZ-TH-001", "WAIT", "16"), m.smsParams());
        assertEquals("alert-b-1", m.alertId());
    }

    @Test
    void a_branch_average_page_has_no_ticket() {
        SlaBreached b = new SlaBreached("b-2", "GZ-TH-001", null, null, null, null, SlaRule.BRANCH_AVERAGE_WAIT,
                900, 1000, AT.minusSeconds(3600), null, AT, false, null, null);
        assertEquals("- BRANCH_AVERAGE_WAIT: 16 min 40 s (limit 15 min 0 s)", AlertText.page("alert-b-2", b).markdown());
    }

    @Test
    void a_follow_up_counts_the_grouped_breaches_per_rule_and_names_the_worst_and_the_tickets() {
        AlertMessage m = AlertText.followUp("alert-1", "GZ-TH-001", List.of(
                new PendingBreach("WAIT", "A002", 905), new PendingBreach("HANDLING", "A003", 130),
                new PendingBreach("WAIT", "A004", 1201), new PendingBreach("BRANCH_AVERAGE_WAIT", null, 950)));
        assertEquals("4 more SLA breaches at GZ-TH-001", m.title());
        assertEquals("""
                - BRANCH_AVERAGE_WAIT: 1
                - HANDLING: 1
                - WAIT: 2
                - worst: 20 min 1 s
                - tickets: A002, A003, A004""", m.markdown());
        assertEquals(List.of("GZ-TH-001", "4", "20"), m.smsParams());
    }

    @Test
    void an_escalation_references_the_alert_and_the_level() {
        AlertMessage m = AlertText.escalated("alert-1", "GZ-TH-001", 2, Duration.ofMinutes(5));
        assertEquals("ESCALATED (level 2): SLA breach at GZ-TH-001 not acknowledged", m.title());
        assertEquals("- alert alert-1 unacknowledged for 5 min", m.markdown());
        assertEquals(List.of("GZ-TH-001", "ESCALATION", "2"), m.smsParams());
    }

    @Test
    void the_acknowledgement_link_is_the_sms_templates_last_parameter_and_a_markdown_link() {
        AlertMessage m = AlertText.withAckLink(new AlertMessage("alert-1", "GZ-TH-001", "t", "- x", List.of("GZ-TH-001", "WAIT", "16")),
                "https://h/ack");
        assertEquals(List.of("GZ-TH-001", "WAIT", "16", "https://h/ack"), m.smsParams());
        assertEquals("- x\n[Acknowledge](https://h/ack)", m.markdown());
        assertEquals("t", m.title());
    }
}
