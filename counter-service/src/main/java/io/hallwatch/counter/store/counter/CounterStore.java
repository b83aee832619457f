package io.hallwatch.counter.store.counter;

import io.hallwatch.common.db.Db;
import io.hallwatch.counter.domain.counter.CalledCustomer;
import io.hallwatch.counter.domain.counter.Counter;
import io.hallwatch.counter.domain.counter.CounterCount;
import io.hallwatch.counter.domain.counter.CounterStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The counter table: each counter's definition and live state. A change is written by
 * {@link #update} inside the caller's transaction, after the caller locked the row with
 * {@link #findForUpdate}; the row's version catches a write that did not.
 */
@ApplicationScoped
public class CounterStore {
    private static final String COLUMNS = """
            branch_id, counter_id, label, vip, skills, status, clerk_id, signed_in_at, ticket_id, ticket_number,
            ticket_business_type, ticket_tier, ticket_issued_at, called_at, started_at, pause_id, version""";

    private final Db db;

    CounterStore(Db db) {
        this.db = db;
    }

    /** A branch's counters in the order of their ids. */
    public List<Counter> atBranch(String branchId) {
        return db.list("SELECT " + COLUMNS + " FROM counter WHERE branch_id = ? ORDER BY counter_id", CounterStore::counter,
                branchId);
    }

    public Optional<Counter> find(String branchId, String counterId) {
        return db.one("SELECT " + COLUMNS + " FROM counter WHERE branch_id = ? AND counter_id = ?", CounterStore::counter,
                branchId, counterId);
    }

    /** The counter, locked until the transaction ends: changes to one counter happen one after another. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Counter> findForUpdate(String branchId, String counterId) {
        return db.one("SELECT " + COLUMNS + " FROM counter WHERE branch_id = ? AND counter_id = ? FOR UPDATE",
                CounterStore::counter, branchId, counterId);
    }

    /** The counter this clerk is signed in at, if any. */
    public Optional<Counter> signedInBy(String clerkId) {
        return db.one("SELECT " + COLUMNS + " FROM counter WHERE clerk_id = ?", CounterStore::counter, clerkId);
    }

    /**
     * Creates the counter, or changes the label, VIP flag and skills of the one there (whatever
     * it is doing); true where it was created.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean define(String branchId, String counterId, String label, boolean vip, List<String> skills) {
        return db.one("""
                        INSERT INTO counter (branch_id, counter_id, label, vip, skills) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (branch_id, counter_id) DO UPDATE
                            SET label = EXCLUDED.label, vip = EXCLUDED.vip, skills = EXCLUDED.skills,
                                version = counter.version + 1
                        RETURNING (xmax = 0) AS created""",
                rs -> rs.getBoolean("created"), branchId, counterId, label, vip, skills).orElseThrow();
    }

    /**
     * Writes the counter's live state; returns it with its new version. Fails where the row
     * changed since it was read (every change locks it first, so that is a change that did not).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Counter update(Counter c) {
        CalledCustomer t = c.customer();
        boolean called = t != null;
        int changed = db.update("""
                        UPDATE counter SET status = ?, clerk_id = ?, signed_in_at = ?, ticket_id = ?, ticket_number = ?,
                            ticket_business_type = ?, ticket_tier = ?, ticket_issued_at = ?, called_at = ?, started_at = ?,
                            pause_id = ?, version = version + 1
                        WHERE branch_id = ? AND counter_id = ? AND version = ?""",
                c.status(), c.clerkId(), c.signedInAt(), called ? t.ticketId() : null, called ? t.number() : null,
                called ? t.businessType() : null, called ? t.tier() : null, called ? t.issuedAt() : null,
                called ? t.calledAt() : null, called ? t.startedAt() : null, c.pauseId(),
                c.branchId(), c.counterId(), c.version());
        if (changed != 1) {
            throw new ConcurrentModificationException("Counter " + c.branchId() + "/" + c.counterId() + " changed since it was read");
        }
        return new Counter(c.branchId(), c.counterId(), c.label(), c.vip(), c.skills(), c.status(), c.clerkId(),
                c.signedInAt(), c.customer(), c.pauseId(), c.version() + 1);
    }

    /** Every branch's counters by status, a row for each of the four statuses (0 where none). */
    public List<CounterCount> countByStatus() {
        return db.list("""
                        SELECT b.branch_id, s.status, count(c.counter_id) AS counters
                        FROM (SELECT DISTINCT branch_id FROM counter) b
                        CROSS JOIN (VALUES ('CLOSED'), ('OPEN'), ('PAUSED'), ('SERVING')) AS s (status)
                        LEFT JOIN counter c ON c.branch_id = b.branch_id AND c.status = s.status
                        GROUP BY b.branch_id, s.status""",
                rs -> new CounterCount(rs.getString("branch_id"), CounterStatus.valueOf(rs.getString("status")),
                        rs.getLong("counters")));
    }

    private static Counter counter(ResultSet rs) throws SQLException {
        UUID ticketId = rs.getObject("ticket_id", UUID.class);
        CalledCustomer customer = ticketId == null ? null : new CalledCustomer(ticketId, rs.getString("ticket_number"),
                rs.getString("ticket_business_type"), rs.getString("ticket_tier"), Db.instant(rs, "ticket_issued_at"),
                Db.instant(rs, "called_at"), Db.instant(rs, "started_at"));
        return new Counter(rs.getString("branch_id"), rs.getString("counter_id"), rs.getString("label"), rs.getBoolean("vip"),
                Arrays.asList((String[]) rs.getArray("skills").getArray()), CounterStatus.valueOf(rs.getString("status")),
                rs.getString("clerk_id"), Db.instant(rs, "signed_in_at"), customer, rs.getObject("pause_id", UUID.class),
                rs.getInt("version"));
    }
}
