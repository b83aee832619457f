package io.hallwatch.sla.store.detection;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.detection.Deadline;
import io.hallwatch.sla.domain.detection.PartitionFence;
import io.hallwatch.sla.domain.detection.SlaKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The durable timers ({@code sla_timer}): they survive a restart, and several instances share them. */
@ApplicationScoped
public class TimerStore {

    /** A timer as stored; {@code fence} is null until the lag rule has taken its snapshot. */
    public record Timer(String ticketId, SlaKind kind, String branchId, Instant dueAt, PartitionFence fence) {
    }

    private final Db db;

    TimerStore(Db db) {
        this.db = db;
    }

    /**
     * Makes {@code timers} the ticket's timers. A timer whose deadline did not move keeps its
     * fence; one whose deadline moved starts over; one no longer needed goes.
     */
    public void replace(String ticketId, String branchId, List<Deadline> timers) {
        Map<SlaKind, Instant> wanted = new HashMap<>();
        timers.forEach(d -> wanted.put(d.kind(), d.dueAt()));
        for (Timer existing : db.list("SELECT * FROM sla_timer WHERE ticket_id = ?", TimerStore::read, ticketId)) {
            Instant due = wanted.get(existing.kind());
            if (due == null) {
                db.update("DELETE FROM sla_timer WHERE ticket_id = ? AND kind = ?", ticketId, existing.kind());
            } else if (due.equals(existing.dueAt())) {
                wanted.remove(existing.kind());
            }
        }
        wanted.forEach((kind, due) -> db.update(UPSERT, ticketId, kind, branchId, due));
    }

    private static final String UPSERT = """
            INSERT INTO sla_timer (ticket_id, kind, branch_id, due_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (ticket_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at,
                fence_tickets = NULL, fence_services = NULL, fenced_at = NULL""";

    /** Each ticket's timers, for many tickets in one query: kind and deadline, by ticket. */
    public Map<String, Map<SlaKind, Instant>> dueAtOf(Collection<String> ticketIds) {
        Map<String, Map<SlaKind, Instant>> due = new HashMap<>();
        if (!ticketIds.isEmpty()) {
            // A join, not "= ANY(?)", for the reason in BreachStore.raisedOf.
            db.list("SELECT t.* FROM sla_timer t JOIN unnest(?::text[]) AS poll(ticket_id) ON t.ticket_id = poll.ticket_id",
                            TimerStore::read, ticketIds)
                    .forEach(t -> due.computeIfAbsent(t.ticketId(), id -> new EnumMap<>(SlaKind.class)).put(t.kind(), t.dueAt()));
        }
        return due;
    }

    /**
     * What {@link #replace} does, for many tickets in two statements: {@code stored} is each
     * ticket's timers as they are in the table, {@code wanted} the ones it needs now. Only what
     * differs is written; a timer whose deadline did not move keeps its fence.
     */
    public void replaceAll(List<TicketTimers> changes) {
        // Parameter rows (Db.updateOverRows binds them column by column): the timers no longer
        // wanted, and those new or moved.
        var deletes = changes.stream().flatMap(c -> c.stored().keySet().stream()
                .filter(kind -> !c.wanted().containsKey(kind))
                .map(kind -> new Object[]{c.ticketId(), kind})).toList();
        var upserts = changes.stream().flatMap(c -> c.wanted().entrySet().stream()
                .filter(w -> !w.getValue().equals(c.stored().get(w.getKey())))
                .map(w -> new Object[]{c.ticketId(), w.getKey(), c.branchId(), w.getValue()})).toList();
        db.updateOverRows("""
                DELETE FROM sla_timer t USING unnest(?::text[], ?::text[]) AS d(ticket_id, kind)
                WHERE t.ticket_id = d.ticket_id AND t.kind = d.kind""", deletes);
        db.updateOverRows("""
                INSERT INTO sla_timer (ticket_id, kind, branch_id, due_at)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[])
                ON CONFLICT (ticket_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at,
                    fence_tickets = NULL, fence_services = NULL, fenced_at = NULL""", upserts);
    }

    /** One ticket's timers before and after, for {@link #replaceAll}. */
    public record TicketTimers(String ticketId, String branchId, Map<SlaKind, Instant> stored, Map<SlaKind, Instant> wanted) {
    }

    /** The branches with a timer due at {@code dueBefore}, without locking: what the lag snapshot must cover. */
    public List<String> dueBranches(Instant dueBefore, int limit) {
        return db.list("SELECT DISTINCT branch_id FROM (SELECT branch_id FROM sla_timer WHERE due_at <= ? ORDER BY due_at LIMIT ?) d",
                rs -> rs.getString(1), dueBefore, limit);
    }

    /**
     * Claims due timers for this transaction. Rows another instance holds are skipped, not
     * waited for: each due timer is handled by one scan at a time.
     */
    public List<Timer> claimDue(Instant dueBefore, int limit) {
        return db.list("SELECT * FROM sla_timer WHERE due_at <= ? ORDER BY due_at, ticket_id, kind LIMIT ? FOR UPDATE SKIP LOCKED",
                TimerStore::read, dueBefore, limit);
    }

    /** How many branches have a timer due in (after, upTo]: deadlines a producer has not promised yet. */
    public int branchesDueAfter(Instant after, Instant upTo) {
        return (int) db.count("SELECT count(DISTINCT branch_id) FROM sla_timer WHERE due_at > ? AND due_at <= ?", after, upTo);
    }

    /** The earliest due deadline of a branch in (after, upTo], if any: how long the branch has waited for a producer. */
    public Optional<Instant> earliestDueAfter(String branchId, Instant after, Instant upTo) {
        return db.list("SELECT min(due_at) AS earliest FROM sla_timer WHERE branch_id = ? AND due_at > ? AND due_at <= ?",
                rs -> Db.instant(rs, "earliest"), branchId, after, upTo).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public void fence(Timer timer, PartitionFence fence, Instant at) {
        db.update("UPDATE sla_timer SET fence_tickets = ?, fence_services = ?, fenced_at = ? WHERE ticket_id = ? AND kind = ?",
                fence.ticketsEnd(), fence.servicesEnd(), at, timer.ticketId(), timer.kind());
    }

    public long count() {
        return db.count("SELECT count(*) FROM sla_timer");
    }

    private static Timer read(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long tickets = Db.longOrNull(rs, "fence_tickets");
        Long services = Db.longOrNull(rs, "fence_services");
        return new Timer(rs.getString("ticket_id"), SlaKind.valueOf(rs.getString("kind")), rs.getString("branch_id"),
                Db.instant(rs, "due_at"), tickets == null ? null : new PartitionFence(tickets, services));
    }
}
