package io.hallwatch.counter.store.report;

import io.hallwatch.common.db.Db;
import io.hallwatch.counter.domain.report.BranchFilter;
import io.hallwatch.counter.domain.report.ServiceFact;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A clerk's records of one branch-local day, as the daily report counts them, within the caller's branches. */
@ApplicationScoped
public class DailyReportStore {

    private final Db db;

    DailyReportStore(Db db) {
        this.db = db;
    }

    /** The day's finished services with their handling time and the limit they ran against. */
    public List<ServiceFact> finishedServices(String clerkId, LocalDate day, BranchFilter branches) {
        return db.list("""
                        SELECT business_type, handling_seconds, limit_seconds FROM service_record
                        WHERE clerk_id = ? AND service_day = ? AND finished_at IS NOT NULL""" + inScope(branches),
                rs -> new ServiceFact(rs.getString("business_type"), rs.getLong("handling_seconds"), rs.getInt("limit_seconds")),
                args(clerkId, day, branches));
    }

    /** The day's ended pauses: seconds paused per reason. */
    public Map<String, Long> pausedSecondsByReason(String clerkId, LocalDate day, BranchFilter branches) {
        Map<String, Long> paused = new TreeMap<>();
        db.list("""
                        SELECT reason, sum(duration_seconds) AS seconds FROM counter_pause
                        WHERE clerk_id = ? AND service_day = ? AND ended_at IS NOT NULL""" + inScope(branches)
                        + " GROUP BY reason",
                rs -> Map.entry(rs.getString("reason"), rs.getLong("seconds")), args(clerkId, day, branches))
                .forEach(e -> paused.put(e.getKey(), e.getValue()));
        return paused;
    }

    public long noShows(String clerkId, LocalDate day, BranchFilter branches) {
        return db.count("SELECT count(*) FROM no_show_record WHERE clerk_id = ? AND service_day = ?" + inScope(branches),
                args(clerkId, day, branches));
    }

    /** The clerks who served, paused or marked a no-show at the branch on the day, sorted. */
    public List<String> clerksOf(String branchId, LocalDate day) {
        return db.list("""
                        SELECT clerk_id FROM service_record WHERE branch_id = ? AND service_day = ?
                        UNION SELECT clerk_id FROM counter_pause WHERE branch_id = ? AND service_day = ?
                        UNION SELECT clerk_id FROM no_show_record WHERE branch_id = ? AND service_day = ?
                        ORDER BY 1""",
                rs -> rs.getString(1), branchId, day, branchId, day, branchId, day);
    }

    private static String inScope(BranchFilter branches) {
        return branches.everyBranch() ? "" : " AND branch_id = ANY (?)";
    }

    private static Object[] args(String clerkId, LocalDate day, BranchFilter branches) {
        List<Object> args = new ArrayList<>(List.of(clerkId, day));
        if (!branches.everyBranch()) {
            args.add(List.copyOf(branches.branches()));
        }
        return args.toArray();
    }
}
