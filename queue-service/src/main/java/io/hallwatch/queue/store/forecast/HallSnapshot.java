package io.hallwatch.queue.store.forecast;

import io.hallwatch.queue.store.ticket.TicketStore;

import io.hallwatch.common.db.Db;
import io.hallwatch.queue.domain.forecast.CounterOutlook;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the wait forecast reads of a branch as it is now, in a few small queries. */
@ApplicationScoped
public class HallSnapshot {

    private final Db db;

    HallSnapshot(Db db) {
        this.db = db;
    }

    /** A counter seen calling within the presence window: its types, its pause and its customer, where it has one. */
    public record PresentCounter(String counterId, Set<String> businessTypes, boolean vip, CounterOutlook.Pause pause,
                                 CounterOutlook.Customer customer) {
    }

    /**
     * Counters seen calling since {@code since}, each with the customer it has called or serves today, if any. Two
     * plain reads, not one with a lateral join per counter: PostgreSQL plans a lateral subquery over the ticket's live
     * partitions at every call, and that planning was most of its cost (benchmark 7 on day 30: 1.0 ms a call); a
     * plain read by branch and day costs half as much to plan. A hall with no counter seen yet (the morning, before
     * the first call) needs no ticket at all.
     */
    public List<PresentCounter> counters(String branchId, LocalDate day, Instant since) {
        record Seen(String counterId, Set<String> businessTypes, boolean vip, CounterOutlook.Pause pause) {
        }
        List<Seen> seen = db.list("""
                        SELECT counter_id, business_types, vip, paused_at, pause_limit_seconds FROM counter_presence
                        WHERE branch_id = ? AND last_seen_at >= ?""",
                rs -> {
                    Instant pausedAt = Db.instant(rs, "paused_at");
                    return new Seen(rs.getString("counter_id"), Set.of((String[]) rs.getArray("business_types").getArray()),
                            rs.getBoolean("vip"), pausedAt == null ? null
                            : new CounterOutlook.Pause(pausedAt, Duration.ofSeconds(rs.getLong("pause_limit_seconds"))));
                },
                branchId, since);
        if (seen.isEmpty()) {
            return List.of();
        }
        // A counter's latest call of the day among those still called or served (a counter serves one at a time).
        Map<String, CounterOutlook.Customer> customers = new HashMap<>();
        db.list("""
                        SELECT DISTINCT ON (counter_id) counter_id, business_type, called_at, started_at FROM ticket
                        WHERE branch_id = ? AND service_day = ? AND status IN ('CALLED', 'SERVING') AND counter_id IS NOT NULL
                          AND\s""" + TicketStore.live() + "\n" + """
                        ORDER BY counter_id, called_at DESC""",
                rs -> customers.put(rs.getString("counter_id"), new CounterOutlook.Customer(rs.getString("business_type"),
                        Db.instant(rs, "called_at"), Db.instant(rs, "started_at"))),
                branchId, day);
        return seen.stream().map(c -> new PresentCounter(c.counterId(), c.businessTypes(), c.vip(), c.pause(),
                customers.get(c.counterId()))).toList();
    }

    /** The branch's mean handling time per business type, where a service of the type has finished. */
    public Map<String, Double> meanHandlingSeconds(String branchId) {
        Map<String, Double> means = new HashMap<>();
        db.list("SELECT business_type, mean_seconds FROM handling_time WHERE branch_id = ?",
                rs -> means.put(rs.getString(1), rs.getDouble(2)), branchId);
        return means;
    }

    /** Of the service day since a moment: the VIP tickets issued per business type, and the mean walk-up (empty before any). */
    public record Recent(Map<String, Long> vipsIssued, Optional<Duration> meanWalkUp) {
    }

    /**
     * VIP tickets issued per business type since {@code since} on the service day, and the mean time from call to
     * service start of the services started since then. One statement, not one each: PostgreSQL plans these at every
     * call (their custom plans), 0.6 ms each over full live days (benchmark 7), and both read the branch's tickets of
     * the day.
     */
    public Recent since(String branchId, LocalDate day, Instant since) {
        Map<String, Long> vips = new HashMap<>();
        double[] walkUp = new double[2]; // seconds, services
        db.list("""
                        SELECT business_type,
                               count(*) FILTER (WHERE tier = 'VIP' AND issued_at >= ? AND %s) AS vips,
                               sum(EXTRACT(EPOCH FROM started_at - called_at)) FILTER (WHERE started_at >= ? AND called_at IS NOT NULL) AS walk_up,
                               count(*) FILTER (WHERE started_at >= ? AND called_at IS NOT NULL) AS started
                        FROM ticket
                        WHERE branch_id = ? AND service_day = ? AND (issued_at >= ? OR started_at >= ?) AND %s
                        GROUP BY business_type""".formatted(TicketStore.JOINED_QUEUE, TicketStore.live()),
                rs -> {
                    long n = rs.getLong("vips");
                    if (n > 0) {
                        vips.put(rs.getString("business_type"), n);
                    }
                    walkUp[0] += rs.getDouble("walk_up");
                    walkUp[1] += rs.getLong("started");
                    return null;
                }, since, since, since, branchId, day, since, since);
        return new Recent(vips, walkUp[1] == 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis((long) (walkUp[0] / walkUp[1] * 1000))));
    }
}
