package io.hallwatch.queue.store.staffing;

import io.hallwatch.queue.store.ticket.TicketStore;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tickets issued at a branch, counted per day, branch-local hour and business type: what the staffing forecast learns from. */
@ApplicationScoped
public class ArrivalHistory {

    private final Db db;

    ArrivalHistory(Db db) {
        this.db = db;
    }

    /** A count of tickets issued on {@code day} in the hour starting at {@code hour} (branch time) of one type. */
    public record Count(LocalDate day, int hour, String businessType, long tickets) {
    }

    public List<Count> issuedOn(String branchId, ZoneId zone, List<LocalDate> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        // The days as date parameters, not a text array cast to date[]: with that cast (not a constant to the planner)
        // PostgreSQL read every ticket of the branch in every day's partition and filtered the days afterwards
        // (benchmark 7, day 30: 165 ms a branch); with dates the index on (branch_id, service_day) finds them.
        Object[] args = new Object[days.size() + 2];
        args[0] = zone.getId();
        args[1] = branchId;
        for (int i = 0; i < days.size(); i++) {
            args[i + 2] = days.get(i);
        }
        return db.list("""
                        SELECT service_day, EXTRACT(HOUR FROM issued_at AT TIME ZONE ?)::int AS hour, business_type, count(*)
                        FROM ticket WHERE branch_id = ? AND service_day IN (""" + String.join(", ", java.util.Collections.nCopies(days.size(), "?"))
                        + ") AND " + TicketStore.JOINED_QUEUE + " GROUP BY 1, 2, 3",
                rs -> new Count(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3), rs.getLong(4)), args);
    }

    /** Tickets issued per business type since {@code since}: the live rate where there is no history. */
    public Map<String, Long> issuedSince(String branchId, Instant since) {
        Map<String, Long> counts = new HashMap<>();
        db.list("SELECT business_type, count(*) FROM ticket WHERE branch_id = ? AND issued_at >= ? AND " + TicketStore.live()
                        + " AND " + TicketStore.JOINED_QUEUE + " GROUP BY business_type",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), branchId, since);
        return counts;
    }

    /** Counters seen calling since {@code since} and not paused now. */
    public int countersOpen(String branchId, Instant since) {
        return (int) db.count("SELECT count(*) FROM counter_presence WHERE branch_id = ? AND last_seen_at >= ? AND paused_at IS NULL",
                branchId, since);
    }
}
