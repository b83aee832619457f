package io.hallwatch.sla.store.status;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.status.BranchStatus;
import io.hallwatch.sla.store.retention.LiveIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A branch's figures now, per business type, from {@code sla_ticket} and {@code sla_breach}. */
@ApplicationScoped
public class BranchStatusStore {
    private final Db db;

    BranchStatusStore(Db db) {
        this.db = db;
    }

    /**
     * Per business type: waiting at {@code now}, the earliest wait clock start among them (the issue, an early
     * appointment's slot, a parked visit's resumed clock), in service. A ticket issued at or before {@code staleBefore}
     * is left out (its producer forgot it), and so is every ticket made before the live days ({@link LiveIds#live}).
     */
    public List<BranchStatus.TypeNow> now(String branch, Instant now, Instant staleBefore) {
        return db.list("""
                SELECT COALESCE(business_type, 'UNKNOWN') AS type,
                    count(*) FILTER (WHERE issued_at <= ? AND issued_at > ? AND (wait_ended_at IS NULL OR wait_ended_at > ?)) AS waiting,
                    min(COALESCE(wait_from, issued_at)) FILTER (WHERE issued_at <= ? AND issued_at > ? AND (wait_ended_at IS NULL OR wait_ended_at > ?)) AS oldest,
                    count(*) FILTER (WHERE service_started_at <= ? AND service_started_at > ?
                                     AND (service_finished_at IS NULL OR service_finished_at > ?)) AS in_service
                FROM sla_ticket
                WHERE branch_id = ? AND %s AND (issued_at > ? OR service_started_at > ?)
                GROUP BY 1""".formatted(LiveIds.live("ticket_id")),
                rs -> new BranchStatus.TypeNow(rs.getString("type"), rs.getLong("waiting"), Db.instant(rs, "oldest"),
                        rs.getLong("in_service")),
                now, staleBefore, now, now, staleBefore, now, now, staleBefore, now, branch, staleBefore, staleBefore);
    }

    /** The branch's open findings of the live days' tickets ({@link LiveIds#live}), by business type. */
    public Map<String, BranchStatus.OpenFindings> openByType(String branch) {
        Map<String, long[]> counts = new HashMap<>();
        db.list("""
                SELECT COALESCE(business_type, 'UNKNOWN') AS type, level, count(*) AS n FROM sla_breach
                WHERE branch_id = ? AND ticket_id IS NOT NULL AND status = 'OPEN' AND %s GROUP BY 1, 2""".formatted(LiveIds.live("day_id")),
                rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString("type"), t -> new long[2]);
                    c["BREACH".equals(rs.getString("level")) ? 0 : 1] += rs.getLong("n");
                    return null;
                }, branch);
        Map<String, BranchStatus.OpenFindings> open = new HashMap<>();
        counts.forEach((type, c) -> open.put(type, new BranchStatus.OpenFindings(c[0], c[1])));
        return open;
    }
}
