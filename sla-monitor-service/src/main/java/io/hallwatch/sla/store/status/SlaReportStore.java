package io.hallwatch.sla.store.status;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.domain.status.SlaReport;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * The figures of a {@link SlaReport} for the tickets issued in [start, end), each judged against
 * the limits it was issued under. A wait that reached its limit is over it, as in detection; a wait the branch's
 * day closed under its limit is not judged, and a customer closed with the day is counted as not served. A customer
 * told at issue that the wait would pass the limit who cancelled before it is a breach avoided.
 */
@ApplicationScoped
public class SlaReportStore {
    private final Db db;

    SlaReportStore(Db db) {
        this.db = db;
    }

    /** Per business type; a wait still running at {@code now} counts as over once it reached its limit. */
    public List<SlaReport.TypeFigures> byBusinessType(String branch, Instant start, Instant end, Instant now) {
        return db.list("""
                SELECT COALESCE(business_type, 'UNKNOWN') AS type, count(*) AS customers,
                    count(*) FILTER (WHERE wait_ended_at IS DISTINCT FROM closed_at AND NOT walk_in
                        AND wait_ended_at - COALESCE(t.wait_from, t.issued_at) < wait_limit_seconds * INTERVAL '1 second') AS wait_within,
                    count(*) FILTER (WHERE NOT walk_in AND COALESCE(wait_ended_at, ?) - COALESCE(t.wait_from, t.issued_at)
                        >= wait_limit_seconds * INTERVAL '1 second') AS wait_over,
                    count(*) FILTER (WHERE service_started_at IS NOT NULL AND service_finished_at IS NOT NULL) AS served,
                    count(*) FILTER (WHERE service_finished_at - COALESCE(last_service_started_at, service_started_at) < handling_limit_seconds * INTERVAL '1 second') AS handling_within,
                    count(*) FILTER (WHERE closed_at IS NOT NULL) AS not_served,
                    count(*) FILTER (WHERE wait_ended_at = closed_at
                        AND wait_ended_at - COALESCE(t.wait_from, t.issued_at) < wait_limit_seconds * INTERVAL '1 second') AS wait_ended_by_close,
                    count(p.ticket_id) AS breach_predicted,
                    count(p.ticket_id) FILTER (WHERE wait_ended_at = cancelled_at
                        AND wait_ended_at - COALESCE(t.wait_from, t.issued_at) < wait_limit_seconds * INTERVAL '1 second') AS breaches_avoided
                FROM sla_ticket t LEFT JOIN sla_breach_predicted p ON p.ticket_id = t.ticket_id
                WHERE t.branch_id = ? AND t.issued_at >= ? AND t.issued_at < ?
                GROUP BY 1 ORDER BY 1""",
                rs -> SlaReport.TypeFigures.of(rs.getString("type"), rs.getLong("customers"), rs.getLong("wait_within"),
                        rs.getLong("wait_over"), rs.getLong("served"), rs.getLong("handling_within"), rs.getLong("not_served"),
                        rs.getLong("wait_ended_by_close"), rs.getLong("breach_predicted"), rs.getLong("breaches_avoided")),
                now, branch, start, end);
    }

    /** The branch-average breaches detected in [start, end). */
    public long branchAverageBreaches(String branch, Instant start, Instant end) {
        return db.count("""
                SELECT count(*) FROM sla_breach WHERE branch_id = ? AND kind = ? AND detected_at >= ? AND detected_at < ?""",
                branch, SlaKind.BRANCH_AVERAGE_BREACH, start, end);
    }
}
