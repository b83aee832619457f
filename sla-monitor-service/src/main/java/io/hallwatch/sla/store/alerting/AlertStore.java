package io.hallwatch.sla.store.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.alerting.Alert;
import io.hallwatch.sla.domain.alerting.AlertItem;
import io.hallwatch.sla.domain.alerting.AlertMessage;
import io.hallwatch.sla.domain.alerting.PendingBreach;
import io.hallwatch.sla.store.retention.LiveIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Alerts, their breaches, notifications, delivery log and used acknowledgement links in
 * PostgreSQL: the statements only; what to write when is {@code service.alerting.AlertPaging}'s
 * and the dispatcher's. The keys make the exactly-once guarantees: {@code alert_breach} by breach
 * id (looked for in the live days first), {@code alert_notification} by (alert, purpose, person), claims by lease and claim id, rows
 * taken with {@code FOR UPDATE SKIP LOCKED} so that instances share the work.
 * <p>
 * Every table is partitioned by day of the alert's id (V17), and every row of an alert carries that id: a statement
 * about one alert names it, so it reads one day. What is still at work (an open alert, a notification to send, a breach
 * already recorded) is looked for in the live days only ({@link LiveIds#live}), not in every day kept: an alert
 * opened by an event older than that is no longer followed up or escalated, and its breaches open a new one.
 */
@ApplicationScoped
public class AlertStore {

    /** A notification due to be sent. */
    public record Due(String notificationId, String alertId, String branchId, String staffId, int channelIndex, int attempts,
                      AlertMessage message, Instant breachDetectedAt, String claimId) {
    }

    private final Db db;
    private final ObjectMapper json;

    AlertStore(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Whether a breach was recorded in the live days (under whatever event id). */
    public boolean breachSeen(String breachId) {
        return db.count("SELECT count(*) FROM alert_breach WHERE breach_id = ? AND " + LiveIds.live("alert_id"), breachId) > 0;
    }

    /** The branch's open alert and when its group window closes. */
    public record OpenAlert(String alertId, Instant groupUntil) {
    }

    /**
     * The branch's newest open alert that began by {@code createdBy}, locked until the transaction
     * ends (so that two breaches of the branch cannot both start a group).
     */
    public Optional<OpenAlert> lockOpenAlert(String branchId, Instant createdBy) {
        return db.one("""
                SELECT alert_id, group_until FROM alert WHERE branch_id = ? AND status = 'OPEN' AND created_at <= ? AND %s
                ORDER BY created_at DESC LIMIT 1
                FOR UPDATE""".formatted(LiveIds.live("alert_id")),
                rs -> new OpenAlert(rs.getString(1), Db.instant(rs, "group_until")), branchId, createdBy);
    }

    /** A new alert, opened by {@code item}. */
    public void insertAlert(String alertId, AlertItem item, String status, int level, Instant now, Instant groupUntil) {
        db.update("""
                INSERT INTO alert (alert_id, branch_id, status, level, level_at, group_until, created_at, breach_detected_at, opened_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", alertId, item.branchId(), status, level, now, groupUntil, now, item.detectedAt(),
                item.itemId());
    }

    /** Records the item (a breach, an understaffed hour) under its alert, once ({@code alert_breach} is keyed by item and alert). */
    public void insertItem(AlertItem item, String alertId, boolean notified) {
        db.update("""
                INSERT INTO alert_breach (breach_id, alert_id, rule, ticket_number, actual_seconds, detected_at, notified)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (breach_id, alert_id) DO NOTHING""",
                item.itemId(), alertId, item.rule(), item.ticketNumber(), item.actualSeconds(), item.detectedAt(), notified);
    }

    /** Nobody could be paged for the alert (no roster): kept visible as UNROUTED. */
    public void markUnrouted(String alertId) {
        db.update("UPDATE alert SET status = 'UNROUTED' WHERE alert_id = ?", alertId);
    }

    /**
     * Writes a notification, with its message, before anything is sent; 0 when one with this id
     * (alert, purpose, person) exists already.
     */
    public int insertNotification(String notificationId, String alertId, String staffId, int level, String purpose,
                                  AlertMessage message, Instant now) {
        return db.update("""
                INSERT INTO alert_notification (notification_id, alert_id, staff_id, level, purpose, status, next_attempt_at,
                    message, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, CAST(? AS jsonb), ?)
                ON CONFLICT (notification_id, alert_id) DO NOTHING""",
                notificationId, alertId, staffId, level, purpose, now, write(message), now);
    }

    /** An open alert whose group window has closed with breaches not told yet. */
    public record ClosedGroup(String alertId, String branchId, int level, int followUps) {
    }

    /** The open alerts whose group window closed by {@code now} with breaches not told yet; locked, others' skipped. */
    public List<ClosedGroup> lockClosedGroups(Instant now) {
        return db.list("""
                SELECT a.alert_id, a.branch_id, a.level, a.follow_ups FROM alert a
                WHERE a.status = 'OPEN' AND a.group_until <= ? AND %s
                  AND EXISTS (SELECT 1 FROM alert_breach b WHERE b.alert_id = a.alert_id AND NOT b.notified)
                FOR UPDATE SKIP LOCKED""".formatted(LiveIds.live("a.alert_id")),
                rs -> new ClosedGroup(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)), now);
    }

    /** The alert's breaches not told yet, in the order they were detected. */
    public List<PendingBreach> untold(String alertId) {
        return db.list("SELECT rule, ticket_number, actual_seconds FROM alert_breach WHERE alert_id = ? AND NOT notified ORDER BY detected_at",
                rs -> new PendingBreach(rs.getString(1), rs.getString(2), rs.getLong(3)), alertId);
    }

    /** The alert's breaches were told in follow-up {@code followUps}; its next group window closes at {@code groupUntil}. */
    public void followedUp(String alertId, int followUps, Instant groupUntil) {
        db.update("UPDATE alert_breach SET notified = TRUE WHERE alert_id = ? AND NOT notified", alertId);
        db.update("UPDATE alert SET follow_ups = ?, group_until = ? WHERE alert_id = ?", followUps, groupUntil, alertId);
    }

    /** An open alert below the top level. */
    public record Unacknowledged(String alertId, String branchId, int level) {
    }

    /** The open alerts below {@code topLevel} whose level was set at or before {@code levelSetBy}; locked, others' skipped. */
    public List<Unacknowledged> lockUnacknowledged(Instant levelSetBy, int topLevel) {
        return db.list("""
                SELECT alert_id, branch_id, level FROM alert WHERE status = 'OPEN' AND level < ? AND level_at <= ? AND %s
                FOR UPDATE SKIP LOCKED""".formatted(LiveIds.live("alert_id")),
                rs -> new Unacknowledged(rs.getString(1), rs.getString(2), rs.getInt(3)), topLevel, levelSetBy);
    }

    public void raiseLevel(String alertId, int level, Instant now) {
        db.update("UPDATE alert SET level = ?, level_at = ? WHERE alert_id = ?", level, now, alertId);
    }

    /**
     * Claims due notifications for {@code lease}: each becomes SENDING with {@code claimed_until} and
     * this round's {@code claimId}, in a short transaction of the caller's. The send happens after
     * it committed; a claim whose lease ran out (the sender died) is due again.
     */
    public List<Due> claimDue(Instant now, int limit, Duration lease, String claimId) {
        List<Due> due = db.list("""
                SELECT n.*, a.branch_id, a.breach_detected_at FROM alert_notification n JOIN alert a ON a.alert_id = n.alert_id
                WHERE ((n.status = 'PENDING' AND n.next_attempt_at <= ?) OR (n.status = 'SENDING' AND n.claimed_until <= ?))
                  AND %s AND %s
                ORDER BY n.next_attempt_at LIMIT ?
                FOR UPDATE OF n SKIP LOCKED""".formatted(LiveIds.live("n.alert_id"), LiveIds.live("a.alert_id")),
                rs -> new Due(rs.getString("notification_id"), rs.getString("alert_id"),
                rs.getString("branch_id"), rs.getString("staff_id"), rs.getInt("channel_index"), rs.getInt("attempts"),
                read(rs.getString("message")), Db.instant(rs, "breach_detected_at"), claimId), now, now, limit);
        for (Due d : due) {
            db.update("""
                    UPDATE alert_notification SET status = 'SENDING', claimed_until = ?, claim_id = ?
                    WHERE notification_id = ? AND alert_id = ?""", now.plus(lease), claimId, d.notificationId(), d.alertId());
        }
        return due;
    }

    public void log(Due d, String channel, int attempt, String outcome, String reason, Instant at) {
        db.update("""
                INSERT INTO alert_delivery_log (alert_id, notification_id, channel, attempt, outcome, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", d.alertId(), d.notificationId(), channel, attempt, outcome, reason, at);
    }

    /**
     * The outcomes below apply only while the claim is still this round's; false when the lease ran
     * out and another round took the notification over (its outcome then is that round's to record).
     */
    public boolean sent(Due d, String channel, Instant at) {
        int n = db.update("""
                UPDATE alert_notification SET status = 'SENT', sent_at = ?, sent_channel = ?, attempts = attempts + 1,
                    claimed_until = NULL, claim_id = NULL
                WHERE notification_id = ? AND alert_id = ? AND status = 'SENDING' AND claim_id = ?""",
                at, channel, d.notificationId(), d.alertId(), d.claimId());
        db.update("UPDATE alert SET first_delivered_at = ? WHERE alert_id = ? AND first_delivered_at IS NULL", at, d.alertId());
        return n > 0;
    }

    public boolean retry(Due d, int channelIndex, int attempts, Instant next) {
        return db.update("""
                UPDATE alert_notification SET status = 'PENDING', channel_index = ?, attempts = ?, next_attempt_at = ?,
                    claimed_until = NULL, claim_id = NULL
                WHERE notification_id = ? AND alert_id = ? AND status = 'SENDING' AND claim_id = ?""",
                channelIndex, attempts, next, d.notificationId(), d.alertId(), d.claimId()) > 0;
    }

    public boolean failed(Due d) {
        return db.update("""
                UPDATE alert_notification SET status = 'FAILED', attempts = attempts + 1, claimed_until = NULL, claim_id = NULL
                WHERE notification_id = ? AND alert_id = ? AND status = 'SENDING' AND claim_id = ?""",
                d.notificationId(), d.alertId(), d.claimId()) > 0;
    }

    /**
     * Records the use of a one-click link (its signature); false when that link was used before.
     */
    public boolean useAckLink(String signature, String alertId, String by, Instant expires, Instant now) {
        return db.update("""
                INSERT INTO alert_ack_token (signature, alert_id, staff_id, expires_at, used_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (signature, alert_id) DO NOTHING""", signature, alertId, by, expires, now) > 0;
    }

    /** When a one-click link of the alert was used, if it was. */
    public Optional<Instant> ackLinkUsedAt(String signature, String alertId) {
        return db.one("SELECT used_at FROM alert_ack_token WHERE signature = ? AND alert_id = ?", rs -> Db.instant(rs, "used_at"),
                signature, alertId);
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
            SELECT a.*,
                (SELECT count(*) FROM alert_breach b WHERE b.alert_id = a.alert_id AND b.rule <> 'STAFFING_FORECAST') AS breaches,
                (SELECT count(*) FROM alert_breach b WHERE b.alert_id = a.alert_id AND b.rule = 'STAFFING_FORECAST') AS staffing
            FROM alert a""";

    private static Alert view(ResultSet rs) throws SQLException {
        return new Alert(rs.getString("alert_id"), rs.getString("branch_id"), rs.getString("status"), rs.getInt("level"),
                Db.instant(rs, "created_at"), Db.instant(rs, "level_at"), Db.instant(rs, "breach_detected_at"), rs.getInt("breaches"),
                rs.getInt("staffing"), Db.instant(rs, "first_delivered_at"), Db.instant(rs, "acked_at"), rs.getString("acked_by"));
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
