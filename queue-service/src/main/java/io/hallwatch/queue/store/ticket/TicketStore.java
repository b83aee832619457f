package io.hallwatch.queue.store.ticket;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.retention.IdDays;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.queue.domain.queue.WaitingCount;
import io.hallwatch.queue.domain.queue.WaitingTicket;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.domain.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The ticket table. A change is written where it is made ({@link #update}), inside the caller's
 * transaction, so that the SQL which follows it (the queue order, the outbox) sees it.
 */
@ApplicationScoped
public class TicketStore {
    /**
     * The rows of tickets that joined a queue: all but the remote tickets nobody checked in (REMOTE, or cancelled
     * before a check-in), which reports and arrival counts leave out.
     */
    public static final String JOINED_QUEUE = "(origin IS DISTINCT FROM 'REMOTE' OR checked_in_at IS NOT NULL)";

    /**
     * The tickets the live hall works on: those made yesterday or today ({@link IdDays#OWN_LIVE}). The table is partitioned
     * by day of id (V12), so the bound keeps a live query on the last days' partitions, whatever the days kept. Jobs
     * that must find a forgotten ticket whatever its age (closing a day, expiring remote tickets) and reports go
     * without it. The bound is written into the text ({@link IdDays#liveIds(String)} says why), not a parameter, and
     * from both sides: every ticket id is the queue's own, made on its wall clock ({@link IdDays#liveOwnIds(String)}).
     */
    public static String live() {
        return IdDays.liveOwnIds("id");
    }

    private static final String COLUMNS = """
            id, branch_id, business_type, tier, number, service_day, status, issued_at, called_at, counter_id,
            clerk_id, recall_count, started_at, finished_at, ended_at, previous_business_type, customer_ref,
            estimated_wait_minutes, idempotency_key, version, estimated_wait_seconds, basic_wait_seconds,
            people_ahead_at_issue, breach_predicted, advised, walk_in, wait_clock_from, queued_at, queue_front, park_count,
            call_reason, out_of_order, origin, taken_at, check_in_by, check_in_code, appointment_id, priority_from,
            checked_in_at""";

    private final Db db;

    TicketStore(Db db) {
        this.db = db;
    }

    public Optional<Ticket> find(UUID id) {
        return db.one("SELECT " + COLUMNS + " FROM ticket WHERE id = ?", TicketStore::ticket, id);
    }

    /** The ticket, locked until the transaction ends: changes to one ticket happen one after another. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Ticket> findForUpdate(UUID id) {
        return db.one("SELECT " + COLUMNS + " FROM ticket WHERE id = ? FOR UPDATE", TicketStore::ticket, id);
    }

    /** The ticket, locked, if it still waits and no other transaction holds it (a counter calling it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Ticket> lockIfStillWaiting(UUID id) {
        return db.one("SELECT " + COLUMNS + " FROM ticket WHERE id = ? AND status = 'WAITING' FOR UPDATE SKIP LOCKED",
                TicketStore::ticket, id);
    }

    /**
     * Up to {@code limit} tickets of a branch's service day still WAITING or CALLED, locked, skipping those another
     * transaction holds (a counter calling one, another instance closing it): several closing jobs share a day
     * without waiting for each other, and one already closed is not read again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Ticket> lockOpenOfDay(String branchId, java.time.LocalDate day, int limit) {
        return db.list("SELECT " + COLUMNS + """
                         FROM ticket WHERE branch_id = ? AND service_day = ? AND status IN ('WAITING', 'CALLED')
                        ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                TicketStore::ticket, branchId, day, limit);
    }

    /**
     * The ticket an earlier issue request with this idempotency key created, if any. Takes a
     * transaction-long lock on the key first, so two retries racing each other still issue once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Ticket> findByIdempotencyKey(String branchId, String idempotencyKey) {
        db.lockUntilCommit(branchId + "|" + idempotencyKey);
        // A retry comes within minutes; a key is answered for the live days (IdDays.OWN_LIVE: yesterday and today), not for ever.
        return db.one("SELECT " + COLUMNS + " FROM ticket WHERE branch_id = ? AND idempotency_key = ? AND " + live(),
                TicketStore::ticket, branchId, idempotencyKey);
    }

    /**
     * The branch's remote ticket the customer names at the kiosk, by its check-in code or its number, locked; empty
     * where none is REMOTE under that code or number (checked in already, expired, or never taken).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Ticket> lockRemote(String branchId, String codeOrNumber) {
        return db.one("SELECT " + COLUMNS + """
                         FROM ticket WHERE branch_id = ? AND status = 'REMOTE' AND (check_in_code = ? OR number = ?)
                        """ + " AND " + live() + " ORDER BY issued_at DESC LIMIT 1 FOR UPDATE",
                TicketStore::ticket, branchId, codeOrNumber, codeOrNumber);
    }

    /** The remote ticket checked in under this code or number since {@code since}, for a kiosk retrying its check-in. */
    public Optional<Ticket> checkedInRemote(String branchId, String codeOrNumber, java.time.Instant since) {
        return db.one("SELECT " + COLUMNS + """
                         FROM ticket WHERE branch_id = ? AND origin = 'REMOTE' AND checked_in_at IS NOT NULL
                          AND (check_in_code = ? OR number = ?) AND issued_at >= ?
                        """ + " AND " + live() + " ORDER BY issued_at DESC LIMIT 1",
                TicketStore::ticket, branchId, codeOrNumber, codeOrNumber, since);
    }

    /** Serialises the choice of one check-in code at a branch until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockCode(String branchId, String code) {
        db.lockUntilCommit(branchId + "|check-in|" + code);
    }

    /** Whether a remote ticket of the branch still waiting for its check-in holds this code. */
    public boolean remoteCodeInUse(String branchId, String code) {
        return db.count("SELECT count(*) FROM ticket WHERE branch_id = ? AND status = 'REMOTE' AND check_in_code = ? AND " + live(),
                branchId, code) > 0;
    }

    /**
     * Up to {@code limit} remote tickets from {@code from} on (a {@link io.hallwatch.common.retention.LiveBound}) whose
     * check-in window closed by {@code now}, locked, skipping those held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Ticket> lockExpiredRemote(java.time.Instant now, UUID from, int limit) {
        return db.list("SELECT " + COLUMNS + """
                         FROM ticket WHERE status = 'REMOTE' AND check_in_by <= ?
                        """ + " AND " + IdDays.idsFrom("id", from) + " ORDER BY check_in_by LIMIT ? FOR UPDATE SKIP LOCKED",
                TicketStore::ticket, now, limit);
    }

    /** Whole tickets waiting at a branch, for the hall display. */
    public List<Ticket> waitingAt(String branchId) {
        return db.list("SELECT " + COLUMNS + " FROM ticket WHERE branch_id = ? AND status = 'WAITING' AND " + live(),
                TicketStore::ticket, branchId);
    }

    /** Light rows of the tickets waiting for these types: what the call order and the estimate need. */
    public List<WaitingTicket> waitingFor(String branchId, Set<String> businessTypes) {
        return db.list("""
                        SELECT id, business_type, tier, COALESCE(wait_clock_from, issued_at) AS wait_from, number,
                               COALESCE(queued_at, issued_at) AS queued, queue_front, priority_from FROM ticket
                        WHERE branch_id = ? AND status = 'WAITING' AND business_type = ANY (?)
                        """ + " AND " + live(),
                rs -> new WaitingTicket(rs.getObject("id", UUID.class), rs.getString("business_type"),
                        CustomerTier.valueOf(rs.getString("tier")), Db.instant(rs, "wait_from"), rs.getString("number"),
                        Db.instant(rs, "queued"), rs.getBoolean("queue_front"), Db.instant(rs, "priority_from")),
                branchId, businessTypes);
    }

    /**
     * Per branch and business type it offers: how many wait now and the oldest issue among them
     * (a type nobody waits for counts 0), for the waiting-now gauges.
     */
    public List<WaitingCount> waitingNow() {
        return db.list("""
                SELECT bt.branch_id, bt.business_type_code, count(w.id), min(COALESCE(w.wait_clock_from, w.issued_at)) AS oldest
                FROM branch_business_type bt
                LEFT JOIN ticket w ON w.branch_id = bt.branch_id AND w.business_type = bt.business_type_code
                                   AND w.status = 'WAITING' AND\s""" + IdDays.liveOwnIds("w.id") + "\n" + """
                GROUP BY bt.branch_id, bt.business_type_code""",
                rs -> new WaitingCount(rs.getString(1), rs.getString(2), rs.getLong(3), Db.instant(rs, "oldest")));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Ticket t) {
        db.update("INSERT INTO ticket (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.id, t.branchId, t.businessType, t.tier, t.number, t.serviceDay, t.status, t.issuedAt, t.calledAt,
                t.counterId, t.clerkId, t.recallCount, t.startedAt, t.finishedAt, t.endedAt, t.previousBusinessType,
                t.customerRef, t.estimatedWaitMinutes, t.idempotencyKey, t.version, t.estimatedWaitSeconds,
                t.basicWaitSeconds, t.peopleAheadAtIssue, t.breachPredicted, t.advised, t.walkIn, t.waitClockFrom,
                t.queuedAt, t.queueFront, t.parkCount, t.callReason, t.outOfOrder, t.origin == null ? null : t.origin.name(),
                t.takenAt, t.checkInBy, t.checkInCode, t.appointmentId, t.priorityFrom, t.checkedInAt);
    }

    /** Writes what may change after issue; fails where someone else changed the row since it was read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Ticket t) {
        int changed = db.update("""
                        UPDATE ticket SET business_type = ?, number = ?, service_day = ?, status = ?, called_at = ?,
                            counter_id = ?, clerk_id = ?, recall_count = ?, started_at = ?, finished_at = ?, ended_at = ?,
                            previous_business_type = ?, wait_clock_from = ?, queued_at = ?, queue_front = ?, park_count = ?,
                            call_reason = ?, out_of_order = ?, issued_at = ?, checked_in_at = ?,
                            estimated_wait_minutes = ?, estimated_wait_seconds = ?, basic_wait_seconds = ?,
                            people_ahead_at_issue = ?, breach_predicted = ?, advised = ?, version = version + 1
                        WHERE id = ? AND version = ?""",
                t.businessType, t.number, t.serviceDay, t.status, t.calledAt, t.counterId, t.clerkId, t.recallCount,
                t.startedAt, t.finishedAt, t.endedAt, t.previousBusinessType, t.waitClockFrom, t.queuedAt, t.queueFront,
                t.parkCount, t.callReason, t.outOfOrder, t.issuedAt, t.checkedInAt,
                t.estimatedWaitMinutes, t.estimatedWaitSeconds, t.basicWaitSeconds, t.peopleAheadAtIssue, t.breachPredicted,
                t.advised, t.id, t.version);
        if (changed != 1) {
            // Every change locks the row first, so this means a change that bypassed the lock.
            throw new ConcurrentModificationException("Ticket " + t.id + " changed since it was read");
        }
        t.version++;
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        Ticket t = new Ticket();
        t.id = rs.getObject("id", UUID.class);
        t.branchId = rs.getString("branch_id");
        t.businessType = rs.getString("business_type");
        t.tier = CustomerTier.valueOf(rs.getString("tier"));
        t.number = rs.getString("number");
        t.serviceDay = rs.getObject("service_day", java.time.LocalDate.class);
        t.status = TicketStatus.valueOf(rs.getString("status"));
        t.issuedAt = Db.instant(rs, "issued_at");
        t.calledAt = Db.instant(rs, "called_at");
        t.counterId = rs.getString("counter_id");
        t.clerkId = rs.getString("clerk_id");
        t.recallCount = rs.getInt("recall_count");
        t.startedAt = Db.instant(rs, "started_at");
        t.finishedAt = Db.instant(rs, "finished_at");
        t.endedAt = Db.instant(rs, "ended_at");
        t.previousBusinessType = rs.getString("previous_business_type");
        t.customerRef = rs.getString("customer_ref");
        t.estimatedWaitMinutes = rs.getInt("estimated_wait_minutes");
        t.estimatedWaitSeconds = rs.getObject("estimated_wait_seconds", Integer.class);
        t.basicWaitSeconds = rs.getObject("basic_wait_seconds", Integer.class);
        t.peopleAheadAtIssue = rs.getObject("people_ahead_at_issue", Integer.class);
        t.breachPredicted = rs.getBoolean("breach_predicted");
        java.sql.Array advised = rs.getArray("advised");
        t.advised = advised == null ? null : java.util.List.of((String[]) advised.getArray());
        t.idempotencyKey = rs.getString("idempotency_key");
        t.version = rs.getInt("version");
        t.walkIn = rs.getBoolean("walk_in");
        t.waitClockFrom = Db.instant(rs, "wait_clock_from");
        t.queuedAt = Db.instant(rs, "queued_at");
        t.queueFront = rs.getBoolean("queue_front");
        t.parkCount = rs.getInt("park_count");
        t.callReason = rs.getString("call_reason");
        t.outOfOrder = rs.getBoolean("out_of_order");
        String origin = rs.getString("origin");
        t.origin = origin == null ? null : io.hallwatch.events.TicketOrigin.valueOf(origin);
        t.takenAt = Db.instant(rs, "taken_at");
        t.checkInBy = Db.instant(rs, "check_in_by");
        t.checkInCode = rs.getString("check_in_code");
        t.appointmentId = rs.getObject("appointment_id", UUID.class);
        t.priorityFrom = Db.instant(rs, "priority_from");
        t.checkedInAt = Db.instant(rs, "checked_in_at");
        return t;
    }
}
