package io.hallwatch.queue.store.day;

import io.hallwatch.common.retention.IdDays;
import io.hallwatch.queue.store.ticket.TicketStore;

import io.hallwatch.common.db.Db;
import io.hallwatch.queue.domain.day.DayExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The service days: the duty managers' extensions ({@code day_extension}), which days still have open tickets, a day's counts. */
@ApplicationScoped
public class DayStore {
    private static final String EXTENSION_COLUMNS = "id, branch_id, service_day, until, reason, requested_by, requested_at";

    /** A branch's service day with tickets still waiting or called. */
    public record OpenDay(String branchId, LocalDate serviceDay) {
    }

    private final Db db;

    DayStore(Db db) {
        this.db = db;
    }

    /**
     * Every (branch, service day) with a ticket still WAITING or CALLED among the tickets from {@code from} on (a
     * {@link io.hallwatch.common.retention.LiveBound}): the closing job's candidates.
     */
    public List<OpenDay> openDays(UUID from) {
        return db.list("SELECT DISTINCT branch_id, service_day FROM ticket WHERE status IN ('WAITING', 'CALLED') AND "
                        + IdDays.idsFrom("id", from),
                rs -> new OpenDay(rs.getString("branch_id"), rs.getObject("service_day", LocalDate.class)));
    }

    /** The extension in force for a day: the latest request. */
    public Optional<DayExtension> extension(String branchId, LocalDate day) {
        return db.one("SELECT " + EXTENSION_COLUMNS + """
                         FROM day_extension WHERE branch_id = ? AND service_day = ?
                        ORDER BY requested_at DESC, id DESC LIMIT 1""",
                DayStore::extension, branchId, day);
    }

    /** Every extension requested for a day, oldest first: the audit trail. */
    public List<DayExtension> extensions(String branchId, LocalDate day) {
        return db.list("SELECT " + EXTENSION_COLUMNS + " FROM day_extension WHERE branch_id = ? AND service_day = ? "
                + "ORDER BY requested_at, id", DayStore::extension, branchId, day);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(DayExtension e) {
        db.update("INSERT INTO day_extension (" + EXTENSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.branchId(), e.serviceDay(), e.until(), e.reason(), e.requestedBy(), e.requestedAt());
    }

    /**
     * Held until the transaction ends: the closing job and an extension of the same branch's day take turns, so an
     * extension never lands on a day being closed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockDay(String branchId, LocalDate day) {
        db.lockUntilCommit("service-day|" + branchId + "|" + day);
    }

    /** The calls out of the call order in a branch's service day, per clerk (clerks without any absent). */
    public Map<String, Long> outOfOrderCallsByClerk(String branchId, LocalDate day) {
        Map<String, Long> counts = new TreeMap<>();
        db.list("SELECT clerk_id, count(*) AS n FROM out_of_order_call WHERE branch_id = ? AND service_day = ? GROUP BY clerk_id",
                rs -> counts.put(rs.getString("clerk_id"), rs.getLong("n")), branchId, day);
        return counts;
    }

    /** The walk-ins of a branch's service day (served without a kiosk ticket). */
    public long walkIns(String branchId, LocalDate day) {
        return db.count("SELECT count(*) FROM ticket WHERE branch_id = ? AND service_day = ? AND walk_in", branchId, day);
    }

    /**
     * The customers of a service day who came through an online channel first: remote tickets taken, checked in, and
     * ended without a check-in (expired or cancelled by the channel); the appointments of the day's slots by how they
     * went ({@code late}: checked in after the on-time window, an ordinary ticket).
     */
    public record BeforeArrival(long remoteTaken, long remoteCheckedIn, long remoteNotCheckedIn, long appointmentsBooked,
                                long appointmentsCheckedIn, long appointmentsLate, long appointmentsNoShow,
                                long appointmentsCancelled) {
    }

    /** {@link BeforeArrival} of a branch's service day; {@code from}–{@code to}: the day's instants, for the slots. */
    public BeforeArrival beforeArrival(String branchId, LocalDate day, java.time.Instant from, java.time.Instant to) {
        long[] tickets = db.one("""
                        SELECT count(*) FILTER (WHERE origin = 'REMOTE'),
                               count(*) FILTER (WHERE origin = 'REMOTE' AND checked_in_at IS NOT NULL),
                               count(*) FILTER (WHERE origin = 'REMOTE' AND checked_in_at IS NULL AND status = 'CANCELLED'),
                               count(*) FILTER (WHERE origin = 'LATE_APPOINTMENT')
                        FROM ticket WHERE branch_id = ? AND service_day = ? AND origin IS NOT NULL""",
                rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, branchId, day).orElseThrow();
        long[] appointments = db.one("""
                        SELECT count(*), count(*) FILTER (WHERE status = 'CHECKED_IN'), count(*) FILTER (WHERE status = 'NO_SHOW'),
                               count(*) FILTER (WHERE status = 'CANCELLED')
                        FROM appointment WHERE branch_id = ? AND slot_start >= ? AND slot_start < ?""",
                rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, branchId, from, to).orElseThrow();
        return new BeforeArrival(tickets[0], tickets[1], tickets[2], appointments[0], appointments[1], tickets[3],
                appointments[2], appointments[3]);
    }

    /** The tickets of a branch's service day by status (every status named, 0 where none). */
    public Map<String, Long> ticketsByStatus(String branchId, LocalDate day) {
        Map<String, Long> counts = new TreeMap<>();
        db.list("SELECT status, count(*) AS n FROM ticket WHERE branch_id = ? AND service_day = ? AND "
                        + TicketStore.JOINED_QUEUE + " GROUP BY status",
                rs -> counts.put(rs.getString("status"), rs.getLong("n")), branchId, day);
        return counts;
    }

    private static DayExtension extension(ResultSet rs) throws SQLException {
        return new DayExtension(rs.getObject("id", UUID.class), rs.getString("branch_id"),
                rs.getObject("service_day", LocalDate.class), Db.instant(rs, "until"), rs.getString("reason"),
                rs.getString("requested_by"), Db.instant(rs, "requested_at"));
    }
}
