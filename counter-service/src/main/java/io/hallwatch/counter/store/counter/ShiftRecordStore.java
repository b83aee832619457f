package io.hallwatch.counter.store.counter;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.retention.IdDays;
import io.hallwatch.counter.domain.counter.CalledCustomer;
import io.hallwatch.counter.domain.counter.PreviousNote;
import io.hallwatch.counter.domain.counter.PauseStart;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a clerk's shift leaves behind, written in the transaction of the counter's change: sessions
 * ({@code clerk_session}), pauses ({@code counter_pause}), services ({@code service_record}) and
 * no-shows ({@code no_show_record}). The daily report reads them; {@code serviceDay} is the
 * branch-local day they count for.
 * <p>
 * Each table is partitioned by day of a time-ordered id (V6; kept and dropped by day by {@code DailyPartitions}, see
 * {@link ShiftRecordTables}): a write finds its row by that id, or bounds the id to the live days.
 */
@ApplicationScoped
public class ShiftRecordStore {

    private final Db db;

    ShiftRecordStore(Db db) {
        this.db = db;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void signedIn(String branchId, String counterId, String clerkId, Instant at) {
        // Time-ordered: the id names the session's day partition.
        db.update("INSERT INTO clerk_session (id, branch_id, counter_id, clerk_id, signed_in_at) VALUES (?, ?, ?, ?, ?)",
                TimeOrderedIds.next(), branchId, counterId, clerkId, at);
    }

    /**
     * Closes the clerk's open session at the counter. It looks in the live days' partitions only (wall clock: the id
     * carries it); a session left open longer (a counter nobody signed out of over a long weekend) is looked for in
     * every day kept, once, where the live days have none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signedOut(String branchId, String counterId, String clerkId, Instant at) {
        String close = """
                UPDATE clerk_session SET signed_out_at = ?
                WHERE branch_id = ? AND counter_id = ? AND clerk_id = ? AND signed_out_at IS NULL""";
        if (db.update(close + " AND " + IdDays.liveIds("id"), at, branchId, counterId, clerkId) == 0) {
            db.update(close, at, branchId, counterId, clerkId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pauseStarted(UUID pauseId, String branchId, String counterId, String clerkId, String reason,
                             LocalDate serviceDay, Instant at) {
        db.update("""
                        INSERT INTO counter_pause (id, branch_id, counter_id, clerk_id, reason, service_day, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                pauseId, branchId, counterId, clerkId, reason, serviceDay, at);
    }

    public PauseStart pause(UUID pauseId) {
        return db.one("SELECT reason, started_at FROM counter_pause WHERE id = ?",
                        rs -> new PauseStart(rs.getString("reason"), Db.instant(rs, "started_at")), pauseId)
                .orElseThrow(() -> new IllegalStateException("No pause " + pauseId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pauseEnded(UUID pauseId, Instant at, long seconds) {
        db.update("UPDATE counter_pause SET ended_at = ?, duration_seconds = ? WHERE id = ?", at, seconds, pauseId);
    }

    /** Once per ticket: a second no-show of the same ticket is not counted again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noShow(UUID ticketId, String branchId, String counterId, String clerkId, LocalDate serviceDay, Instant at) {
        db.update("""
                        INSERT INTO no_show_record (ticket_id, branch_id, counter_id, clerk_id, service_day, at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                ticketId, branchId, counterId, clerkId, serviceDay, at);
    }

    /** A service begins, with the limit its type had when it began. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serviceStarted(String branchId, String counterId, String clerkId, CalledCustomer served, LocalDate serviceDay,
                               int limitSeconds) {
        db.update("""
                        INSERT INTO service_record (ticket_id, branch_id, counter_id, clerk_id, ticket_number, business_type,
                                                    tier, service_day, called_at, started_at, limit_seconds)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                served.ticketId(), branchId, counterId, clerkId, served.number(), served.businessType(), served.tier(),
                serviceDay, served.calledAt(), served.startedAt(), limitSeconds);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void serviceFinished(UUID ticketId, Instant at, long handlingSeconds, ServiceOutcome outcome,
                                List<String> typesHandled, String note) {
        db.update("""
                        UPDATE service_record SET finished_at = ?, handling_seconds = ?, outcome = ?,
                               business_types_handled = ?, note = ?
                        WHERE ticket_id = ? AND finished_at IS NULL AND parked_at IS NULL""",
                at, handlingSeconds, outcome, typesHandled, note, ticketId);
    }

    /** The service under way went back to the queue with its visit (park and return): it ends here, unfinished. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serviceParked(UUID ticketId, Instant at, long handlingSeconds, String note) {
        db.update("""
                        UPDATE service_record SET parked_at = ?, handling_seconds = ?, note = ?
                        WHERE ticket_id = ? AND finished_at IS NULL AND parked_at IS NULL""",
                at, handlingSeconds, note, ticketId);
    }

    /** The notes clerks left on a visit's services here, oldest first. */
    public List<PreviousNote> notesFor(UUID ticketId) {
        return db.list("""
                        SELECT counter_id, clerk_id, COALESCE(finished_at, parked_at) AS at, outcome, note FROM service_record
                        WHERE ticket_id = ? AND note IS NOT NULL AND (finished_at IS NOT NULL OR parked_at IS NOT NULL)
                        ORDER BY at""",
                rs -> new PreviousNote(rs.getString("counter_id"), rs.getString("clerk_id"), Db.instant(rs, "at"),
                        rs.getString("outcome"), rs.getString("note")), ticketId);
    }
}
