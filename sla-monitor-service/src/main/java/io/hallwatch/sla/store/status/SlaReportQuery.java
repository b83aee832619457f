package io.hallwatch.sla.store.status;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.domain.status.SlaReport;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Computes a {@link SlaReport} for the tickets issued on one day (in the branches' time zone),
 * each judged against the limits it was issued under. A wait that reached its limit is over it,
 * as in detection.
 */
@ApplicationScoped
public class SlaReportQuery {
    private final Db db;

    SlaReportQuery(Db db) {
        this.db = db;
    }

    public SlaReport report(String branch, LocalDate date, ZoneId zone, Instant now) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<SlaReport.TypeFigures> types = db.list("""
                SELECT COALESCE(business_type, 'UNKNOWN') AS type, count(*) AS customers,
                    count(*) FILTER (WHERE wait_ended_at - issued_at < wait_limit_seconds * INTERVAL '1 second') AS wait_within,
                    count(*) FILTER (WHERE COALESCE(wait_ended_at, ?) - issued_at >= wait_limit_seconds * INTERVAL '1 second') AS wait_over,
                    count(*) FILTER (WHERE service_started_at IS NOT NULL AND service_finished_at IS NOT NULL) AS served,
                    count(*) FILTER (WHERE service_finished_at - service_started_at < handling_limit_seconds * INTERVAL '1 second') AS handling_within
                FROM sla_ticket
                WHERE branch_id = ? AND issued_at >= ? AND issued_at < ?
                GROUP BY 1 ORDER BY 1""",
                rs -> SlaReport.TypeFigures.of(rs.getString("type"), rs.getLong("customers"), rs.getLong("wait_within"),
                        rs.getLong("wait_over"), rs.getLong("served"), rs.getLong("handling_within")),
                now, branch, start, end);
        SlaReport.TypeFigures total = SlaReport.TypeFigures.of("ALL",
                types.stream().mapToLong(SlaReport.TypeFigures::customers).sum(),
                types.stream().mapToLong(SlaReport.TypeFigures::waitWithinLimit).sum(),
                types.stream().mapToLong(SlaReport.TypeFigures::waitOverLimit).sum(),
                types.stream().mapToLong(SlaReport.TypeFigures::served).sum(),
                types.stream().mapToLong(SlaReport.TypeFigures::handlingWithinLimit).sum());
        long branchBreaches = db.count("""
                SELECT count(*) FROM sla_breach WHERE branch_id = ? AND kind = ? AND detected_at >= ? AND detected_at < ?""",
                branch, SlaKind.BRANCH_AVERAGE_BREACH, start, end);
        return new SlaReport(branch, date, zone, types, total, branchBreaches);
    }
}
