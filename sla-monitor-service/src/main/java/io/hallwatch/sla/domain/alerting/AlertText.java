package io.hallwatch.sla.domain.alerting;

import io.hallwatch.events.SlaBreached;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a person is told, for each kind of message: a title and a markdown text (WeCom, DingTalk,
 * webhook) and the SMS template's parameters. Never a phone number.
 */
public final class AlertText {
    private AlertText() {
    }

    /** The page (or first escalation) about one breach. SMS: branch, rule, minutes over. */
    public static AlertMessage page(String alertId, SlaBreached b) {
        String text = "- " + b.rule() + (b.ticketNumber() == null ? "" : " ticket " + b.ticketNumber()) + ": "
                + minutes(b.actualSeconds()) + " (limit " + minutes(b.limitSeconds()) + ")";
        return new AlertMessage(alertId, b.branchId(), "SLA breach at " + b.branchId(), text,
                List.of(b.branchId(), b.rule().name(), Long.toString(b.actualSeconds() / 60)));
    }

    /**
     * The breaches that joined a group, in one message: how many per rule, the worst, the tickets.
     * SMS: branch, count, worst in minutes.
     */
    public static AlertMessage followUp(String alertId, String branchId, List<PendingBreach> pending) {
        StringBuilder text = new StringBuilder();
        long worst = 0;
        Map<String, Integer> perKind = new TreeMap<>();
        for (PendingBreach p : pending) {
            perKind.merge(p.rule(), 1, Integer::sum);
            worst = Math.max(worst, p.actualSeconds());
        }
        perKind.forEach((k, c) -> text.append("- ").append(k).append(": ").append(c).append('\n'));
        text.append("- worst: ").append(minutes(worst)).append('\n');
        text.append("- tickets: ").append(String.join(", ", pending.stream().map(PendingBreach::ticketNumber)
                .filter(Objects::nonNull).toList()));
        return new AlertMessage(alertId, branchId, pending.size() + " more SLA breaches at " + branchId, text.toString(),
                List.of(branchId, Integer.toString(pending.size()), Long.toString(worst / 60)));
    }

    /** An unacknowledged alert raised to {@code level}, referencing it. SMS: branch, ESCALATION, level. */
    public static AlertMessage escalated(String alertId, String branchId, int level, Duration unacknowledgedFor) {
        return new AlertMessage(alertId, branchId, "ESCALATED (level " + level + "): SLA breach at " + branchId + " not acknowledged",
                "- alert " + alertId + " unacknowledged for " + unacknowledgedFor.toMinutes() + " min",
                List.of(branchId, "ESCALATION", Integer.toString(level)));
    }

    /** The message with its one-click acknowledgement link: the SMS template's last parameter, a markdown link. */
    public static AlertMessage withAckLink(AlertMessage m, String link) {
        List<String> sms = new ArrayList<>(m.smsParams());
        sms.add(link); // the template's last parameter: "acknowledge: {n}"
        return new AlertMessage(m.alertId(), m.branchId(), m.title(), m.markdown() + "\n[Acknowledge](" + link + ")", sms);
    }

    static String minutes(long seconds) {
        return (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
