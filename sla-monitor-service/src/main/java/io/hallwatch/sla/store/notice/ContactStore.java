package io.hallwatch.sla.store.notice;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.notice.TurnNoticeContact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@code turn_notice_contact}: the one table that holds a customer's phone number, for as long as its SMS needs it. */
@ApplicationScoped
public class ContactStore {
    private final Db db;

    ContactStore(Db db) {
        this.db = db;
    }

    /** A notice the sender holds: due now, with its number. */
    public record Due(String ticketId, String branchId, String phone, String ticketNumber, int peopleAhead, int attempts) {
    }

    /** A ticket as the timeline knows it: its branch and whether its wait is still on (not called, cancelled, closed). */
    public record KnownTicket(String branchId, boolean waiting) {
    }

    /** What the timeline knows of the ticket (read only: {@code sla_ticket} is the detection's), if it has seen it. */
    public Optional<KnownTicket> knownTicket(String ticketId) {
        return db.one("""
                SELECT branch_id, (called_at IS NULL AND cancelled_at IS NULL AND closed_at IS NULL
                                   AND service_started_at IS NULL) AS waiting
                FROM sla_ticket WHERE ticket_id = ?""", rs -> new KnownTicket(rs.getString(1), rs.getBoolean(2)), ticketId);
    }

    public Optional<TurnNoticeContact> find(String ticketId) {
        return db.one("""
                SELECT ticket_id, branch_id, phone, requested_at, due_at, sent_at, failed_at, attempts, last_error
                FROM turn_notice_contact WHERE ticket_id = ?""", ContactStore::contact, ticketId);
    }

    /** The row, locked until the transaction ends (an API call and the consumer change it one after the other). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TurnNoticeContact> lock(String ticketId) {
        return db.one("""
                SELECT ticket_id, branch_id, phone, requested_at, due_at, sent_at, failed_at, attempts, last_error
                FROM turn_notice_contact WHERE ticket_id = ? FOR UPDATE""", ContactStore::contact, ticketId);
    }

    /** The kiosk's number for a ticket with no row yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(String ticketId, String branchId, String phone, Instant at) {
        db.update("INSERT INTO turn_notice_contact (ticket_id, branch_id, phone, requested_at) VALUES (?, ?, ?, ?)",
                ticketId, branchId, phone, at);
    }

    /** The kiosk's number (again, or after the queue's word) for a row not sent nor given up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setPhone(String ticketId, String phone, Instant at) {
        db.update("""
                UPDATE turn_notice_contact SET phone = ?, requested_at = ?
                WHERE ticket_id = ? AND sent_at IS NULL AND failed_at IS NULL""", phone, at, ticketId);
    }

    /**
     * The queue said the ticket's turn is near: the row is due from {@code at} (made without a number if the kiosk's
     * has not come yet). Only the first word counts: a redelivery, or a row of another branch, changes nothing.
     * True where the row became due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markDue(String ticketId, String branchId, String ticketNumber, int peopleAhead, Instant at) {
        return db.update("""
                        INSERT INTO turn_notice_contact (ticket_id, branch_id, ticket_number, people_ahead, due_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (ticket_id) DO UPDATE SET ticket_number = EXCLUDED.ticket_number,
                            people_ahead = EXCLUDED.people_ahead, due_at = EXCLUDED.due_at
                        WHERE turn_notice_contact.due_at IS NULL AND turn_notice_contact.branch_id = EXCLUDED.branch_id""",
                ticketId, branchId, ticketNumber, peopleAhead, at) == 1;
    }

    /** The tickets ended (called, cancelled, closed, no-show): their rows not sent are deleted, number and all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetUnsent(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        return db.update("""
                DELETE FROM turn_notice_contact
                WHERE ticket_id = ANY (CAST(? AS text[])) AND sent_at IS NULL AND failed_at IS NULL""",
                List.copyOf(ticketIds));
    }

    /** The next notice due by {@code now}, locked; one another sender holds is skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Due> lockNextDue(Instant now) {
        return db.one("""
                        SELECT ticket_id, branch_id, phone, ticket_number, people_ahead, attempts FROM turn_notice_contact
                        WHERE sent_at IS NULL AND failed_at IS NULL AND phone IS NOT NULL AND due_at IS NOT NULL AND due_at <= ?
                        ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                rs -> new Due(rs.getString("ticket_id"), rs.getString("branch_id"), rs.getString("phone"),
                        rs.getString("ticket_number"), rs.getInt("people_ahead"), rs.getInt("attempts")), now);
    }

    /** Sent: the number is erased in the same statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(String ticketId, int attempts, Instant at) {
        db.update("UPDATE turn_notice_contact SET sent_at = ?, phone = NULL, attempts = ?, last_error = NULL WHERE ticket_id = ?",
                at, attempts, ticketId);
    }

    /** Failed, tried again at {@code next}. {@code reason} never holds the number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retry(String ticketId, int attempts, Instant next, String reason) {
        db.update("UPDATE turn_notice_contact SET attempts = ?, due_at = ?, last_error = ? WHERE ticket_id = ?",
                attempts, next, reason, ticketId);
    }

    /** Given up: recorded, and the number erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(String ticketId, int attempts, Instant at, String reason) {
        db.update("UPDATE turn_notice_contact SET failed_at = ?, phone = NULL, attempts = ?, last_error = ? WHERE ticket_id = ?",
                at, attempts, reason, ticketId);
    }

    /** Deletes the rows made before {@code before}, numbers never sent included; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purgeBefore(Instant before) {
        return db.update("DELETE FROM turn_notice_contact WHERE coalesce(requested_at, due_at) < ?", before);
    }

    private static TurnNoticeContact contact(ResultSet rs) throws SQLException {
        return new TurnNoticeContact(rs.getString("ticket_id"), rs.getString("branch_id"), rs.getString("phone"),
                Db.instant(rs, "requested_at"), Db.instant(rs, "due_at"), Db.instant(rs, "sent_at"), Db.instant(rs, "failed_at"),
                rs.getInt("attempts"), rs.getString("last_error"));
    }
}
