package io.hallwatch.sla.store.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.common.db.Db;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.domain.alerting.Alert;
import io.hallwatch.sla.domain.alerting.BranchRoster;
import io.hallwatch.sla.domain.alerting.AlertMessage;
import io.hallwatch.sla.domain.alerting.AlertRules;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import io.hallwatch.sla.domain.alerting.OpeningHours;
import io.hallwatch.sla.domain.alerting.RosterRules;
import io.hallwatch.sla.metrics.AlertingMetrics;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Alerts, their breaches and notifications in PostgreSQL. Every notification row is written, with
 * its message, before anything is sent; its id (alert, purpose, person) makes a second one impossible.
 */
@ApplicationScoped
public class AlertStore {

    /** A notification due to be sent. */
    public record Due(String notificationId, String alertId, String branchId, String staffId, int channelIndex, int attempts,
                      AlertMessage message, Instant breachDetectedAt, String claimId) {
    }

    private final Db db;
    private final ObjectMapper json;
    private final RosterStore rosters;
    private final AlertingConfig config;
    private final AlertingMetrics metrics;

    AlertStore(Db db, ObjectMapper json, RosterStore rosters, AlertingConfig config, AlertingMetrics metrics) {
        this.metrics = metrics;
        this.db = db;
        this.json = json;
        this.rosters = rosters;
        this.config = config;
    }

    /** What recording a breach led to. */
    public enum Recorded {
        /** Nothing new to send now (seen before, joined a group, quiet). */
        NOTHING,
        /** A page was written: the dispatcher should run now. */
        PAGED,
        /** A new alert nobody could be paged for (no roster): kept as UNROUTED. */
        UNROUTED
    }

    /** Records a breach once, as a new alert or into its branch's open group. */
    public Recorded onBreach(SlaBreached b, Instant now) {
        if (db.count("SELECT count(*) FROM alert_breach WHERE breach_id = ?", b.breachId()) > 0) {
            return Recorded.NOTHING; // seen before, under another event id: never twice
        }
        // Only an alert that began by now can take the breach into its group: after a demo replays
        // a day on the same database (the clock set back), a later alert must not swallow pages.
        Optional<Object[]> open = db.one("""
                SELECT alert_id, group_until FROM alert WHERE branch_id = ? AND status = 'OPEN' AND created_at <= ?
                ORDER BY created_at DESC LIMIT 1
                FOR UPDATE""", rs -> new Object[]{rs.getString(1), Db.instant(rs, "group_until")}, b.branchId(), now);
        Optional<BranchRoster> roster = rosters.find(b.branchId());
        boolean isOpen = hours(roster).isOpen(ZonedDateTime.ofInstant(now, config.zone()).toLocalDateTime());
        boolean silenced = db.count("SELECT count(*) FROM alert_silence WHERE branch_id = ? AND starts_at <= ? AND ends_at > ?",
                b.branchId(), now, now) > 0;
        AlertRules.BreachDecision d = AlertRules.onBreach(now, open.map(o -> (Instant) o[1]), isOpen, silenced);
        String alertId;
        if (d == AlertRules.BreachDecision.JOIN_GROUP) {
            alertId = (String) open.get()[0];
            insertBreach(b, alertId, false);
            return Recorded.NOTHING;
        }
        alertId = "alert-" + b.breachId();
        int level = AlertRules.firstLevel(b.rule() == SlaRule.BRANCH_AVERAGE_WAIT);
        db.update("""
                INSERT INTO alert (alert_id, branch_id, status, level, level_at, group_until, created_at, breach_detected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", alertId, b.branchId(), d == AlertRules.BreachDecision.QUIET ? "QUIET" : "OPEN",
                level, now, now.plus(config.groupWindow()), now, b.detectedAt());
        insertBreach(b, alertId, true);
        if (d == AlertRules.BreachDecision.QUIET) {
            return Recorded.NOTHING;
        }
        String text = "- " + b.rule() + (b.ticketNumber() == null ? "" : " ticket " + b.ticketNumber()) + ": "
                + minutes(b.actualSeconds()) + " (limit " + minutes(b.limitSeconds()) + ")";
        AlertMessage m = new AlertMessage(alertId, b.branchId(), "SLA breach at " + b.branchId(), text,
                List.of(b.branchId(), b.rule().name(), Long.toString(b.actualSeconds() / 60)));
        if (notifyLevel(alertId, b.branchId(), level, level == 1 ? "PAGE" : "ESCALATION", m, now) > 0) {
            return Recorded.PAGED;
        }
        // Nobody to page: kept visible (GET /api/v1/alerts?status=UNROUTED) instead of vanishing.
        db.update("UPDATE alert SET status = 'UNROUTED' WHERE alert_id = ?", alertId);
        return Recorded.UNROUTED;
    }

    private OpeningHours hours(Optional<BranchRoster> roster) {
        return roster.map(r -> OpeningHours.of(r.roster(), config.opens(), config.closes()))
                .orElseGet(() -> OpeningHours.everyDay(config.opens(), config.closes()));
    }

    private void insertBreach(SlaBreached b, String alertId, boolean notified) {
        db.update("""
                INSERT INTO alert_breach (breach_id, alert_id, rule, ticket_number, actual_seconds, detected_at, notified)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (breach_id) DO NOTHING""",
                b.breachId(), alertId, b.rule().name(), b.ticketNumber(), b.actualSeconds(), b.detectedAt(), notified);
    }

    private static String minutes(long seconds) {
        return (seconds / 60) + " min " + (seconds % 60) + " s";
    }

    /** Writes one notification per person of the level (none when the branch has no roster). */
    int notifyLevel(String alertId, String branchId, int level, String purpose, AlertMessage m, Instant now) {
        Optional<BranchRoster> roster = rosters.find(branchId);
        if (roster.isEmpty()) {
            return 0;
        }
        LocalDateTime local = ZonedDateTime.ofInstant(now, config.zone()).toLocalDateTime();
        int n = 0;
        for (DutyRoster.Person p : RosterRules.atLevel(roster.get().roster(), level, local)) {
            n += db.update("""
                    INSERT INTO alert_notification (notification_id, alert_id, staff_id, level, purpose, status, next_attempt_at,
                        message, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, CAST(? AS jsonb), ?)
                    ON CONFLICT (notification_id) DO NOTHING""",
                    alertId + ":" + purpose + ":" + p.staffId(), alertId, p.staffId(), level, purpose, now, write(m), now);
        }
        return n;
    }

    /** Groups' follow-ups and escalations that are due now; returns how many notifications were written. */
    public int housekeeping(Instant now) {
        int written = 0;
        // Follow-ups: a closed group window with breaches not told yet → one message listing them.
        List<String[]> groups = db.list("""
                SELECT a.alert_id, a.branch_id, a.level, a.follow_ups FROM alert a
                WHERE a.status = 'OPEN' AND a.group_until <= ?
                  AND EXISTS (SELECT 1 FROM alert_breach b WHERE b.alert_id = a.alert_id AND NOT b.notified)
                FOR UPDATE SKIP LOCKED""", rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, now);
        for (String[] g : groups) {
            List<String[]> pending = db.list("SELECT rule, ticket_number, actual_seconds FROM alert_breach WHERE alert_id = ? AND NOT notified ORDER BY detected_at",
                    rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}, g[0]);
            StringBuilder text = new StringBuilder();
            long worst = 0;
            java.util.Map<String, Integer> perKind = new java.util.TreeMap<>();
            for (String[] p : pending) {
                perKind.merge(p[0], 1, Integer::sum);
                worst = Math.max(worst, Long.parseLong(p[2]));
            }
            perKind.forEach((k, c) -> text.append("- ").append(k).append(": ").append(c).append('\n'));
            text.append("- worst: ").append(minutes(worst)).append('\n');
            text.append("- tickets: ").append(String.join(", ", pending.stream().map(p -> p[1]).filter(java.util.Objects::nonNull).toList()));
            int followUp = Integer.parseInt(g[3]) + 1;
            AlertMessage m = new AlertMessage(g[0], g[1], pending.size() + " more SLA breaches at " + g[1], text.toString(),
                    List.of(g[1], Integer.toString(pending.size()), Long.toString(worst / 60)));
            written += notifyLevel(g[0], g[1], Integer.parseInt(g[2]), "FOLLOW_UP-" + followUp, m, now);
            db.update("UPDATE alert_breach SET notified = TRUE WHERE alert_id = ? AND NOT notified", g[0]);
            db.update("UPDATE alert SET follow_ups = ?, group_until = ? WHERE alert_id = ?", followUp, now.plus(config.groupWindow()), g[0]);
        }
        // Escalation: unacknowledged after escalate-after → the next level, referencing the alert.
        List<String[]> stale = db.list("""
                SELECT alert_id, branch_id, level FROM alert WHERE status = 'OPEN' AND level < 3 AND level_at <= ?
                FOR UPDATE SKIP LOCKED""", rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)},
                now.minus(config.escalateAfter()));
        for (String[] a : stale) {
            int level = AlertRules.dueLevel(Integer.parseInt(a[2]), now.minus(config.escalateAfter()), now, config.escalateAfter(), false, 3);
            db.update("UPDATE alert SET level = ?, level_at = ? WHERE alert_id = ?", level, now, a[0]);
            AlertMessage m = new AlertMessage(a[0], a[1], "ESCALATED (level " + level + "): SLA breach at " + a[1] + " not acknowledged",
                    "- alert " + a[0] + " unacknowledged for " + config.escalateAfter().toMinutes() + " min",
                    List.of(a[1], "ESCALATION", Integer.toString(level)));
            written += notifyLevel(a[0], a[1], level, "ESCALATION-" + level, m, now);
            metrics.escalated(a[1]);
        }
        return written;
    }

    /**
     * Claims due notifications for {@code lease}: each becomes SENDING with {@code claimed_until} and
     * this round's {@code claimId}, in a short transaction of the caller's. The send happens after
     * it committed; a claim whose lease ran out (the sender died) is due again.
     */
    public List<Due> claimDue(Instant now, int limit, java.time.Duration lease, String claimId) {
        List<Due> due = db.list("""
                SELECT n.*, a.branch_id, a.breach_detected_at FROM alert_notification n JOIN alert a ON a.alert_id = n.alert_id
                WHERE (n.status = 'PENDING' AND n.next_attempt_at <= ?) OR (n.status = 'SENDING' AND n.claimed_until <= ?)
                ORDER BY n.next_attempt_at LIMIT ?
                FOR UPDATE OF n SKIP LOCKED""", rs -> new Due(rs.getString("notification_id"), rs.getString("alert_id"),
                rs.getString("branch_id"), rs.getString("staff_id"), rs.getInt("channel_index"), rs.getInt("attempts"),
                read(rs.getString("message")), Db.instant(rs, "breach_detected_at"), claimId), now, now, limit);
        for (Due d : due) {
            db.update("UPDATE alert_notification SET status = 'SENDING', claimed_until = ?, claim_id = ? WHERE notification_id = ?",
                    now.plus(lease), claimId, d.notificationId());
        }
        return due;
    }

    public Optional<DutyRoster.Person> person(String branchId, String staffId) {
        return rosters.find(branchId).flatMap(r -> {
            DutyRoster roster = r.roster();
            java.util.stream.Stream<DutyRoster.Person> all = java.util.stream.Stream.concat(
                    roster.shifts().stream().flatMap(s -> s.managers().stream()),
                    java.util.stream.Stream.of(roster.escalation().areaManager(), roster.escalation().regionalManager()));
            return all.filter(p -> p.staffId().equals(staffId)).findFirst();
        });
    }

    public void log(String notificationId, String channel, int attempt, String outcome, String reason, Instant at) {
        db.update("INSERT INTO alert_delivery_log (notification_id, channel, attempt, outcome, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
                notificationId, channel, attempt, outcome, reason, at);
    }

    /**
     * The outcomes below apply only while the claim is still this round's; false when the lease ran
     * out and another round took the notification over (its outcome then is that round's to record).
     */
    public boolean sent(Due d, String channel, Instant at) {
        int n = db.update("""
                UPDATE alert_notification SET status = 'SENT', sent_at = ?, sent_channel = ?, attempts = attempts + 1,
                    claimed_until = NULL, claim_id = NULL WHERE notification_id = ? AND status = 'SENDING' AND claim_id = ?""",
                at, channel, d.notificationId(), d.claimId());
        db.update("UPDATE alert SET first_delivered_at = ? WHERE alert_id = ? AND first_delivered_at IS NULL", at, d.alertId());
        return n > 0;
    }

    public boolean retry(Due d, int channelIndex, int attempts, Instant next) {
        return db.update("""
                UPDATE alert_notification SET status = 'PENDING', channel_index = ?, attempts = ?, next_attempt_at = ?,
                    claimed_until = NULL, claim_id = NULL WHERE notification_id = ? AND status = 'SENDING' AND claim_id = ?""",
                channelIndex, attempts, next, d.notificationId(), d.claimId()) > 0;
    }

    public boolean failed(Due d) {
        return db.update("""
                UPDATE alert_notification SET status = 'FAILED', attempts = attempts + 1, claimed_until = NULL, claim_id = NULL
                WHERE notification_id = ? AND status = 'SENDING' AND claim_id = ?""", d.notificationId(), d.claimId()) > 0;
    }

    /**
     * Records the use of a one-click link (its signature); false when that link was used before.
     */
    public boolean useAckLink(String signature, String alertId, String by, Instant expires, Instant now) {
        return db.update("""
                INSERT INTO alert_ack_token (signature, alert_id, staff_id, expires_at, used_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (signature) DO NOTHING""", signature, alertId, by, expires, now) > 0;
    }

    /** When a one-click link was used, if it was. */
    public Optional<Instant> ackLinkUsedAt(String signature) {
        return db.one("SELECT used_at FROM alert_ack_token WHERE signature = ?", rs -> Db.instant(rs, "used_at"), signature);
    }

    /**
     * Deletes alerts created before {@code before} with their breaches, notifications and delivery
     * log, and used acknowledgement links and silences older than that. Returns the alerts deleted.
     */
    public int purge(Instant before) {
        // The alerts first, locked: a dispatcher round escalating or following one of them up at the
        // same moment either commits before (its notifications are then deleted with the others) or
        // skips it (SKIP LOCKED), instead of adding a notification the alert's delete then trips over.
        db.count("SELECT count(*) FROM (SELECT 1 FROM alert WHERE created_at < ? FOR UPDATE) purged", before);
        db.update("""
                DELETE FROM alert_delivery_log l USING alert_notification n, alert a
                WHERE l.notification_id = n.notification_id AND n.alert_id = a.alert_id AND a.created_at < ?""", before);
        db.update("DELETE FROM alert_notification n USING alert a WHERE n.alert_id = a.alert_id AND a.created_at < ?", before);
        db.update("DELETE FROM alert_breach b USING alert a WHERE b.alert_id = a.alert_id AND a.created_at < ?", before);
        db.update("DELETE FROM alert_ack_token WHERE used_at < ?", before);
        db.update("DELETE FROM alert_silence WHERE ends_at < ?", before);
        return db.update("DELETE FROM alert WHERE created_at < ?", before);
    }

    public Optional<Alert> find(String alertId) {
        return db.one(VIEW + " WHERE a.alert_id = ?", AlertStore::view, alertId);
    }

    public List<Alert> list(String branchId, String status) {
        return db.list(VIEW + " WHERE (CAST(? AS text) IS NULL OR a.branch_id = ?) AND (CAST(? AS text) IS NULL OR a.status = ?)"
                + " ORDER BY a.created_at DESC, a.alert_id LIMIT 200", AlertStore::view, branchId, branchId, status, status);
    }

    /** Acknowledges an open alert; false when it was not open (already acknowledged, quiet). */
    public boolean ack(String alertId, String by, Instant at) {
        return db.update("UPDATE alert SET status = 'ACKNOWLEDGED', acked_at = ?, acked_by = ? WHERE alert_id = ? AND status = 'OPEN'",
                at, by, alertId) > 0;
    }

    private static final String VIEW = """
            SELECT a.*, (SELECT count(*) FROM alert_breach b WHERE b.alert_id = a.alert_id) AS breaches FROM alert a""";

    private static Alert view(ResultSet rs) throws SQLException {
        return new Alert(rs.getString("alert_id"), rs.getString("branch_id"), rs.getString("status"), rs.getInt("level"),
                Db.instant(rs, "created_at"), Db.instant(rs, "level_at"), Db.instant(rs, "breach_detected_at"), rs.getInt("breaches"),
                Db.instant(rs, "first_delivered_at"), Db.instant(rs, "acked_at"), rs.getString("acked_by"));
    }

    private String write(AlertMessage m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AlertMessage read(String s) {
        try {
            return json.readValue(s, AlertMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
