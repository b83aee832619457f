package io.hallwatch.queue.store.notice;

import io.hallwatch.common.retention.IdDays;
import io.hallwatch.common.db.Db;
import io.hallwatch.queue.store.ticket.TicketStore;
import io.hallwatch.queue.domain.notice.TurnNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code turn_notice} table: who asked to be told their turn is near, and whether they were. */
@ApplicationScoped
public class TurnNoticeStore {
    private final Db db;

    TurnNoticeStore(Db db) {
        this.db = db;
    }

    public Optional<TurnNotice> find(UUID ticketId) {
        return db.one("SELECT ticket_id, branch_id, requested_at, told_at, people_ahead_told FROM turn_notice WHERE ticket_id = ?",
                TurnNoticeStore::notice, ticketId);
    }

    /** True where this call recorded the consent; false where it was recorded before (nothing changes then). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertIfAbsent(UUID ticketId, String branchId, Instant at) {
        return db.update("INSERT INTO turn_notice (ticket_id, branch_id, requested_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                ticketId, branchId, at) == 1;
    }

    /**
     * Up to {@code limit} consents not told yet whose ticket still waits, after {@code after} in request order
     * (oldest first), locked until the transaction ends; those another watch holds are skipped, so replicas share the work and never take the same one. Only the
     * consent rows are locked, never the ticket: a counter's call-next skips locked tickets, and must not skip one
     * because the watch is looking at it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Cursor> lockUntoldWaiting(Cursor after, int limit) {
        return db.list("""
                        SELECT n.ticket_id, n.requested_at FROM turn_notice n JOIN ticket t ON t.id = n.ticket_id
                        WHERE n.told_at IS NULL AND t.status = 'WAITING' AND t.park_count = 0
                          AND (n.requested_at, n.ticket_id) > (?, ?) AND\s""" + IdDays.liveOwnIds("n.ticket_id")
                        + " AND " + IdDays.liveOwnIds("t.id") + "\n" + """
                        ORDER BY n.requested_at, n.ticket_id LIMIT ? FOR UPDATE OF n SKIP LOCKED""",
                rs -> new Cursor(rs.getObject(1, UUID.class), Db.instant(rs, "requested_at")),
                after.requestedAt(), after.ticketId(), limit);
    }

    /** A consent's place in request order, where a watch's next batch starts. */
    public record Cursor(UUID ticketId, Instant requestedAt) {
        /** Before every consent. */
        public static final Cursor FIRST = new Cursor(new UUID(0, 0), Instant.EPOCH);
    }

    /**
     * Marks the consent told, if it was not and its ticket still waits (as of this statement: a ticket called
     * meanwhile is not told); true where it did.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markTold(UUID ticketId, Instant at, int peopleAhead) {
        return db.update("""
                        UPDATE turn_notice n SET told_at = ?, people_ahead_told = ?
                        FROM ticket t
                        WHERE n.ticket_id = ? AND t.id = n.ticket_id AND n.told_at IS NULL AND t.status = 'WAITING'
                          AND t.park_count = 0""",
                at, peopleAhead, ticketId) == 1;
    }

    /**
     * Forgets the consents whose ticket was called (parked back or not), cancelled or closed before they were told: they
     * never will be.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetEndedUntold() {
        return db.update("""
                DELETE FROM turn_notice n USING ticket t
                WHERE n.told_at IS NULL AND t.id = n.ticket_id AND (t.status <> 'WAITING' OR t.park_count > 0)
                  AND\s""" + IdDays.liveOwnIds("n.ticket_id") + " AND " + IdDays.liveOwnIds("t.id"));
    }

    private static TurnNotice notice(ResultSet rs) throws SQLException {
        Long ahead = Db.longOrNull(rs, "people_ahead_told");
        return new TurnNotice(rs.getObject("ticket_id", UUID.class), rs.getString("branch_id"), Db.instant(rs, "requested_at"),
                Db.instant(rs, "told_at"), ahead == null ? null : ahead.intValue());
    }
}
