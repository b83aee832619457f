package io.hallwatch.queue.store.forecast;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/** The called tickets of a branch's day with what they were told at issue: the accuracy report's rows. */
@ApplicationScoped
public class EtaRecords {

    private final Db db;

    EtaRecords(Db db) {
        this.db = db;
    }

    /**
     * A called ticket: the wait foretold at issue (seconds; tickets issued before seconds were kept
     * give their minutes), the earlier formula's (null where not kept), the people ahead then
     * (null likewise) and the wait it had, issue to first call.
     */
    public record Called(String businessType, long estimatedSeconds, Long basicSeconds, Integer peopleAhead, long waitedSeconds) {
    }

    public List<Called> calledOn(String branchId, LocalDate day) {
        return db.list("""
                        SELECT business_type, COALESCE(estimated_wait_seconds, estimated_wait_minutes * 60) AS estimated,
                               basic_wait_seconds, people_ahead_at_issue,
                               EXTRACT(EPOCH FROM called_at - issued_at) AS waited
                        FROM ticket WHERE branch_id = ? AND service_day = ? AND called_at IS NOT NULL""",
                rs -> new Called(rs.getString("business_type"), rs.getLong("estimated"), Db.longOrNull(rs, "basic_wait_seconds"),
                        rs.getObject("people_ahead_at_issue", Integer.class), Math.round(rs.getDouble("waited"))),
                branchId, day);
    }
}
