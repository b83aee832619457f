package io.hallwatch.sla.store.branch;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.branch.RollingAverage;
import io.hallwatch.sla.store.retention.LiveIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The branch-level wait figures, computed in PostgreSQL from {@code sla_ticket} as of a moment:
 * the rolling mean, and who is waiting now. A ticket "waiting" for longer than the stale limit
 * was forgotten by its producer and is left out. Each query reads the live tickets' days only ({@link LiveIds#from}):
 * the stale limit is hours, the live days three.
 */
@ApplicationScoped
public class BranchWaits {

    /** Waiting now (as of the moment), and since when the longest wait runs. */
    public record Waiting(long count, Instant oldestIssuedAt) {
    }

    private final Db db;

    BranchWaits(Db db) {
        this.db = db;
    }

    public RollingAverage rollingAverage(String branch, Instant asOf, Duration window, Duration staleAfter) {
        return db.one("""
                SELECT count(*) AS waits,
                       COALESCE(avg(GREATEST(0, EXTRACT(EPOCH FROM (CASE WHEN wait_ended_at <= ? THEN wait_ended_at ELSE ? END) - COALESCE(wait_from, issued_at)))), 0) AS mean
                FROM sla_ticket
                WHERE branch_id = ? AND %s AND issued_at IS NOT NULL AND issued_at <= ? AND NOT walk_in
                  AND ((wait_ended_at > ? AND wait_ended_at <= ?)
                       OR ((wait_ended_at IS NULL OR wait_ended_at > ?) AND issued_at > ?))""".formatted(LiveIds.live("ticket_id")),
                rs -> new RollingAverage(rs.getLong("waits"), Duration.ofMillis(Math.round(rs.getDouble("mean") * 1000))),
                asOf, asOf, branch, asOf, asOf.minus(window), asOf, asOf, asOf.minus(staleAfter))
                .orElse(RollingAverage.NONE);
    }

    public Waiting waiting(String branch, Instant asOf, Duration staleAfter) {
        return db.one("""
                SELECT count(*) AS n, min(COALESCE(wait_from, issued_at)) AS oldest FROM sla_ticket
                WHERE branch_id = ? AND %s AND issued_at IS NOT NULL AND issued_at <= ? AND issued_at > ? AND NOT walk_in
                  AND (wait_ended_at IS NULL OR wait_ended_at > ?)""".formatted(LiveIds.live("ticket_id")),
                rs -> new Waiting(rs.getLong("n"), Db.instant(rs, "oldest")),
                branch, asOf, asOf.minus(staleAfter), asOf).orElse(new Waiting(0, null));
    }

    /** Branches with a ticket whose wait could be in a window ending at {@code asOf}, or with an open branch breach. */
    public List<String> active(Instant asOf, Duration horizon) {
        String live = LiveIds.live("ticket_id");
        return db.list("""
                SELECT branch_id FROM sla_ticket WHERE %s AND issued_at > ? AND issued_at <= ?
                UNION
                SELECT branch_id FROM sla_ticket WHERE %s AND wait_ended_at > ? AND wait_ended_at <= ?
                UNION
                SELECT branch_id FROM sla_branch_breach_open""".formatted(live, live),
                rs -> rs.getString(1), asOf.minus(horizon), asOf, asOf.minus(horizon), asOf);
    }
}
