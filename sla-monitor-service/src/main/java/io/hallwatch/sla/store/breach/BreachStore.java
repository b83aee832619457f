package io.hallwatch.sla.store.breach;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.sla.domain.breach.Breach;
import io.hallwatch.sla.domain.breach.BreachFilter;
import io.hallwatch.sla.domain.breach.BreachIds;
import io.hallwatch.sla.domain.breach.BreachStatus;
import io.hallwatch.sla.domain.breach.RaisedKinds;
import io.hallwatch.sla.domain.breach.TicketFinding;
import io.hallwatch.sla.domain.detection.Finding;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.domain.detection.TicketFacts;
import io.hallwatch.sla.store.retention.LiveIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Warnings and breaches in {@code sla_breach}, one partition per day of {@code day_id} (V16): a ticket's finding
 * has its ticket's id there, so each statement about a ticket's findings names their one day. The unique key
 * (ticket, kind, day) decides whether a finding is new; {@code sla_branch_breach_open} keeps one open branch-average
 * breach per branch.
 */
@ApplicationScoped
public class BreachStore {

    /** A finding closed by an update: its id, kind and limit. */
    public record Closed(UUID breachId, SlaKind kind, long limitSeconds) {
    }

    private final Db db;

    BreachStore(Db db) {
        this.db = db;
    }

    public Set<SlaKind> raisedKinds(String ticketId) {
        Set<SlaKind> kinds = EnumSet.noneOf(SlaKind.class);
        db.list("SELECT kind FROM sla_breach WHERE day_id = ? AND ticket_id = ?", rs -> SlaKind.valueOf(rs.getString(1)),
                ticketId, ticketId).forEach(kinds::add);
        return kinds;
    }

    /**
     * The findings of many tickets in one query: each ticket's raised kinds, and which of them
     * are still open (to be closed when what they measure is over).
     */
    public Map<String, RaisedKinds> raisedOf(Collection<String> ticketIds) {
        Map<String, RaisedKinds> raised = new HashMap<>();
        if (!ticketIds.isEmpty()) {
            // A join on the ids rather than "= ANY(?)": once the driver prepares the statement,
            // PostgreSQL's generic plan scanned every breach and compared it with every id of
            // the poll, a cost that grew with the table (benchmark 2: up to 130 ms a poll).
            // Bounded by the poll's ids' days: the join alone reads every day's partition.
            db.list("""
                    SELECT b.ticket_id, b.kind, b.status FROM sla_breach b
                    JOIN unnest(?::text[]) AS poll(ticket_id) ON b.ticket_id = poll.ticket_id
                    WHERE %s""".formatted(LiveIds.daysOf("b.day_id", ticketIds)), rs -> {
                RaisedKinds r = raised.computeIfAbsent(rs.getString(1), id -> RaisedKinds.none());
                SlaKind kind = SlaKind.valueOf(rs.getString(2));
                r.kinds().add(kind);
                if ("OPEN".equals(rs.getString(3))) {
                    r.open().add(kind);
                }
                return kind;
            }, ticketIds);
        }
        return raised;
    }

    /**
     * Stores the findings with one statement (a poll raised one per 50 events or so, each its own
     * round trip before); returns the ids of those that were new, the others being raised already.
     */
    public Set<UUID> insertAll(List<TicketFinding> findings) {
        // One parameter row per finding (Db.listOverRows binds them column by column); nothing is read as Object[].
        var rows = findings.stream().map(BreachStore::insertArgs).toList();
        return new HashSet<>(db.listOverRows("""
                INSERT INTO sla_breach (breach_id, day_id, kind, rule, level, branch_id, ticket_id, ticket_number, business_type,
                    customer_tier, counter_id, clerk_id, limit_seconds, actual_seconds, started_at, deadline, detected_at,
                    detected_late, status, resolved_at, resolved_actual_seconds)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::timestamptz[],
                    ?::timestamptz[], ?::boolean[], ?::text[], ?::timestamptz[], ?::bigint[])
                ON CONFLICT (ticket_id, kind, day_id) DO NOTHING
                RETURNING breach_id""", rs -> rs.getObject(1, UUID.class), rows));
    }

    private static Object[] insertArgs(TicketFinding r) {
        TicketFacts facts = r.facts();
        Finding finding = r.finding();
        boolean over = r.over();
        return new Object[]{BreachIds.of(facts.ticketId(), finding.kind()), facts.ticketId(), finding.kind(), finding.kind().rule(),
                finding.kind().level(), facts.branchId(), facts.ticketId(), facts.ticketNumber(), finding.businessType(),
                facts.customerTier(), finding.counterId(), finding.clerkId(), finding.limit().toSeconds(),
                finding.actual().toSeconds(), finding.startedAt(), finding.limitDeadline(), finding.detectedAt(),
                finding.late(), over ? "RESOLVED" : "OPEN", over ? finding.detectedAt() : null,
                over ? finding.actual().toSeconds() : null};
    }

    /** Closes the ticket's open findings of {@code rule}, with the length it finally had; returns those it closed. */
    public List<Closed> resolve(String ticketId, SlaRule rule, Instant endedAt, Duration actual) {
        return db.list("""
                UPDATE sla_breach SET status = 'RESOLVED', resolved_at = ?, resolved_actual_seconds = ?
                WHERE day_id = ? AND ticket_id = ? AND rule = ? AND status = 'OPEN'
                RETURNING breach_id, kind, limit_seconds""",
                rs -> new Closed(rs.getObject(1, UUID.class), SlaKind.valueOf(rs.getString(2)), rs.getLong(3)),
                endedAt, actual.toSeconds(), ticketId, ticketId, rule);
    }

    /**
     * Opens the branch's average-wait breach; false where one is open already. Its day is the wall clock's now (a
     * time-ordered id): a branch breach has no ticket to take one from.
     */
    public boolean insertBranchAverage(UUID breachId, String branch, Duration limit, Duration mean, Instant startedAt, Instant now) {
        return db.update("""
                WITH opened AS (
                    INSERT INTO sla_branch_breach_open (branch_id, kind, breach_id, day_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (branch_id, kind) DO NOTHING RETURNING breach_id, day_id)
                INSERT INTO sla_breach (breach_id, day_id, kind, rule, level, branch_id, limit_seconds, actual_seconds, started_at,
                    detected_at, detected_late)
                SELECT breach_id, day_id, ?, ?, 'BREACH', ?, ?, ?, ?, ?, FALSE FROM opened""",
                branch, SlaKind.BRANCH_AVERAGE_BREACH, breachId, TimeOrderedIds.next().toString(),
                SlaKind.BRANCH_AVERAGE_BREACH, SlaRule.BRANCH_AVERAGE_WAIT, branch, limit.toSeconds(), mean.toSeconds(),
                startedAt, now) > 0;
    }

    /** Closes the branch's open average-wait breach, if any; returns what it closed. */
    public List<Closed> clearBranchAverage(String branch, Duration mean, Instant now) {
        List<Closed> closed = new ArrayList<>();
        // The open one's key from its marker, then the breach by its key: one partition, not every day's.
        for (OpenBranchBreach open : db.list("DELETE FROM sla_branch_breach_open WHERE branch_id = ? AND kind = ? RETURNING breach_id, day_id",
                rs -> new OpenBranchBreach(rs.getObject(1, UUID.class), rs.getString(2)), branch, SlaKind.BRANCH_AVERAGE_BREACH)) {
            closed.addAll(db.list("""
                    UPDATE sla_breach SET status = 'RESOLVED', resolved_at = ?, resolved_actual_seconds = ?
                    WHERE day_id = ? AND breach_id = ? AND status = 'OPEN'
                    RETURNING breach_id, limit_seconds""",
                    rs -> new Closed(rs.getObject(1, UUID.class), SlaKind.BRANCH_AVERAGE_BREACH, rs.getLong(2)), now, mean.toSeconds(),
                    open.dayId(), open.breachId()));
        }
        return closed;
    }

    /** A branch's open branch-average breach, by its key. */
    private record OpenBranchBreach(UUID breachId, String dayId) {
    }

    public boolean branchAverageOpen(String branch) {
        return db.count("SELECT count(*) FROM sla_branch_breach_open WHERE branch_id = ? AND kind = ?",
                branch, SlaKind.BRANCH_AVERAGE_BREACH) > 0;
    }

    /** How many findings match. */
    public long count(BreachFilter filter) {
        Where where = where(filter);
        return db.count("SELECT count(*) FROM sla_breach" + where.sql(), where.args().toArray());
    }

    /** One page of the matching findings, newest first. */
    public List<Breach> page(BreachFilter filter, int page, int size) {
        Where where = where(filter);
        List<Object> args = new ArrayList<>(where.args());
        args.add(size);
        args.add((long) page * size);
        return db.list("SELECT * FROM sla_breach" + where.sql() + " ORDER BY detected_at DESC, breach_id LIMIT ? OFFSET ?",
                BreachStore::read, args.toArray());
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(BreachFilter f) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (f.branchId() != null) {
            where.append(" AND branch_id = ?");
            args.add(f.branchId());
        }
        if (f.kind() != null) {
            where.append(" AND kind = ?");
            args.add(f.kind().name());
        }
        if (f.status() != null) {
            where.append(" AND status = ?");
            args.add(f.status().name());
        }
        if (f.from() != null) {
            where.append(" AND detected_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            where.append(" AND detected_at < ?");
            args.add(f.to());
        }
        return new Where(where.toString(), args);
    }

    private static Breach read(ResultSet rs) throws SQLException {
        String tier = rs.getString("customer_tier");
        return new Breach(rs.getObject("breach_id", UUID.class), SlaKind.valueOf(rs.getString("kind")),
                SlaRule.valueOf(rs.getString("rule")), rs.getString("level"), rs.getString("branch_id"), rs.getString("ticket_id"),
                rs.getString("ticket_number"), rs.getString("business_type"), tier == null ? null : CustomerTier.valueOf(tier),
                rs.getString("counter_id"), rs.getString("clerk_id"), rs.getLong("limit_seconds"), rs.getLong("actual_seconds"),
                Db.instant(rs, "started_at"), Db.instant(rs, "deadline"), Db.instant(rs, "detected_at"),
                rs.getBoolean("detected_late"), BreachStatus.valueOf(rs.getString("status")), Db.instant(rs, "resolved_at"),
                Db.longOrNull(rs, "resolved_actual_seconds"));
    }
}
