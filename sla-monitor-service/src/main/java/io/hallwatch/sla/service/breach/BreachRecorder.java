package io.hallwatch.sla.service.breach;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.common.db.Db;
import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaCleared;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.SlaWarning;
import io.hallwatch.sla.domain.detection.Finding;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.domain.detection.TicketFacts;
import io.hallwatch.sla.metrics.SlaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
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
 * Stores a ticket's findings and publishes them through the outbox, in the caller's transaction.
 * The unique key (ticket, kind) decides: a finding that is already there is neither stored nor
 * published again. A finding's id is derived from the ticket and kind, so every instance and
 * every replay names it the same.
 */
@ApplicationScoped
public class BreachRecorder {
    private static final Logger LOG = Logger.getLogger(BreachRecorder.class);

    private final Db db;
    private final Outbox outbox;
    private final SlaMetrics metrics;
    private final AfterCommit afterCommit;

    BreachRecorder(Db db, Outbox outbox, SlaMetrics metrics, AfterCommit afterCommit) {
        this.db = db;
        this.outbox = outbox;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
    }

    public static UUID idOf(String ticketId, SlaKind kind) {
        return UUID.nameUUIDFromBytes(("hallwatch-sla:" + ticketId + ":" + kind.name()).getBytes(StandardCharsets.UTF_8));
    }

    public Set<SlaKind> raisedKinds(String ticketId) {
        Set<SlaKind> kinds = EnumSet.noneOf(SlaKind.class);
        db.list("SELECT kind FROM sla_breach WHERE ticket_id = ?", rs -> SlaKind.valueOf(rs.getString(1)), ticketId).forEach(kinds::add);
        return kinds;
    }

    /**
     * The findings of many tickets in one query: each ticket's raised kinds, and which of them
     * are still open (to be closed when what they measure is over).
     */
    public Map<String, Raised> raisedOf(Collection<String> ticketIds) {
        Map<String, Raised> raised = new HashMap<>();
        if (!ticketIds.isEmpty()) {
            // A join on the ids rather than "= ANY(?)": once the driver prepares the statement,
            // PostgreSQL's generic plan scanned every breach and compared it with every id of
            // the poll, a cost that grew with the table (benchmark 2: up to 130 ms a poll).
            db.list("""
                    SELECT b.ticket_id, b.kind, b.status FROM sla_breach b
                    JOIN unnest(?::text[]) AS poll(ticket_id) ON b.ticket_id = poll.ticket_id""", rs -> {
                Raised r = raised.computeIfAbsent(rs.getString(1), id -> Raised.none());
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

    /** A ticket's raised kinds, and those of them still open. */
    public record Raised(Set<SlaKind> kinds, Set<SlaKind> open) {
        public static Raised none() {
            return new Raised(EnumSet.noneOf(SlaKind.class), EnumSet.noneOf(SlaKind.class));
        }
    }

    /** Whether what {@code kind} measures is over: a finding recorded then is stored resolved. */
    public static boolean isOver(TicketFacts facts, SlaKind kind) {
        return kind.rule() == SlaRule.WAIT ? facts.waitEndedAt() != null : facts.serviceFinishedAt() != null;
    }

    /** A finding about a ticket, as the ticket's facts stood when it was concluded. */
    public record Raise(TicketFacts facts, Finding finding) {
    }

    /** Stores and publishes {@code finding}; false where the unique key says it was raised already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(TicketFacts facts, Finding finding) {
        return recordAll(List.of(new Raise(facts, finding))) == 1;
    }

    /**
     * {@link #record} for several findings, stored with one statement (a poll raised one per 50
     * events or so, each its own round trip before) and published, in their order, with another.
     * Returns how many were new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(List<Raise> raises) {
        if (raises.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>(raises.size());
        for (Raise r : raises) {
            TicketFacts facts = r.facts();
            Finding finding = r.finding();
            boolean over = isOver(facts, finding.kind());
            rows.add(new Object[]{idOf(facts.ticketId(), finding.kind()), finding.kind(), finding.kind().rule(),
                    finding.kind().level(), facts.branchId(), facts.ticketId(), facts.ticketNumber(), finding.businessType(),
                    facts.customerTier(), finding.counterId(), finding.clerkId(), finding.limit().toSeconds(),
                    finding.actual().toSeconds(), finding.startedAt(), limitDeadline(finding), finding.detectedAt(),
                    finding.late(), over ? "RESOLVED" : "OPEN", over ? finding.detectedAt() : null,
                    over ? finding.actual().toSeconds() : null});
        }
        Set<UUID> inserted = new HashSet<>(db.listOverRows("""
                INSERT INTO sla_breach (breach_id, kind, rule, level, branch_id, ticket_id, ticket_number, business_type,
                    customer_tier, counter_id, clerk_id, limit_seconds, actual_seconds, started_at, deadline, detected_at,
                    detected_late, status, resolved_at, resolved_actual_seconds)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::timestamptz[],
                    ?::timestamptz[], ?::boolean[], ?::text[], ?::timestamptz[], ?::bigint[])
                ON CONFLICT (ticket_id, kind) DO NOTHING
                RETURNING breach_id""", rs -> rs.getObject(1, UUID.class), rows));
        List<Outbox.Pending> published = new ArrayList<>(inserted.size());
        for (Raise r : raises) {
            if (inserted.remove(idOf(r.facts().ticketId(), r.finding().kind()))) {
                published.add(announce(r.facts(), r.finding()));
            }
        }
        outbox.publishAll(published);
        return published.size();
    }

    /** The deadline of the limit itself (for a warning, the breach it heads for); the finding's own deadline is when it became due. */
    private static Instant limitDeadline(Finding finding) {
        return finding.startedAt().plus(finding.limit());
    }

    /** The finding's event, to publish with the others of its statement; its metric and log line once committed. */
    private Outbox.Pending announce(TicketFacts facts, Finding finding) {
        UUID id = idOf(facts.ticketId(), finding.kind());
        Instant limitDeadline = limitDeadline(finding);
        Outbox.Pending event;
        if (finding.kind().isBreach()) {
            event = new Outbox.Pending(finding.detectedAt(), new SlaBreached(id.toString(), facts.branchId(), facts.ticketId(),
                    facts.ticketNumber(), finding.businessType(), facts.customerTier(), finding.kind().rule(),
                    finding.limit().toSeconds(), finding.actual().toSeconds(), finding.startedAt(), limitDeadline,
                    finding.detectedAt(), finding.late(), finding.counterId(), finding.clerkId()));
        } else {
            event = new Outbox.Pending(finding.detectedAt(), new SlaWarning(id.toString(), facts.branchId(), facts.ticketId(),
                    facts.ticketNumber(), finding.businessType(), facts.customerTier(), finding.kind().rule(),
                    finding.limit().toSeconds(), finding.actual().toSeconds(), finding.startedAt(), limitDeadline,
                    finding.detectedAt(), finding.counterId(), finding.clerkId()));
        }
        Duration delay = Duration.between(finding.deadline(), finding.detectedAt());
        afterCommit.run(() -> {
            metrics.finding(finding.kind(), facts.branchId(), finding.businessType(), delay);
            LOG.infof("%s at branch %s: %s ticket, limit %ds, due %s, detected %s%s", finding.kind(), facts.branchId(),
                    finding.businessType(), finding.limit().toSeconds(), finding.deadline(), finding.detectedAt(),
                    finding.late() ? " (late)" : "");
        });
        return event;
    }

    /**
     * Closes the open findings of whatever is over on this ticket: the wait once the customer is
     * called (or left), the service once it finished. Each closed breach is published as cleared,
     * so that an alert on a duty manager's phone can resolve itself; warnings close silently.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveEnded(TicketFacts facts, Instant now) {
        if (facts.waitEndedAt() != null && facts.issuedAt() != null) {
            resolve(facts, SlaRule.WAIT, facts.waitEndedAt(), Duration.between(facts.issuedAt(), facts.waitEndedAt()), now);
        }
        if (facts.serviceFinishedAt() != null && facts.serviceStartedAt() != null) {
            resolve(facts, SlaRule.HANDLING, facts.serviceFinishedAt(),
                    Duration.between(facts.serviceStartedAt(), facts.serviceFinishedAt()), now);
        }
    }

    /**
     * Opens the branch's average-wait breach; false where one is open already (the partial
     * unique index keeps it to one open per branch, whichever instance evaluates).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean openBranchAverage(String branch, Duration limit, Duration window, Duration mean, Instant asOf, Instant now) {
        UUID id = UUID.nameUUIDFromBytes(("hallwatch-sla:" + branch + ":" + SlaKind.BRANCH_AVERAGE_BREACH + ":" + asOf)
                .getBytes(StandardCharsets.UTF_8));
        int inserted = db.update("""
                INSERT INTO sla_breach (breach_id, kind, rule, level, branch_id, limit_seconds, actual_seconds, started_at,
                    detected_at, detected_late)
                VALUES (?, ?, ?, 'BREACH', ?, ?, ?, ?, ?, FALSE)
                ON CONFLICT (branch_id, kind) WHERE ticket_id IS NULL AND status = 'OPEN' DO NOTHING""",
                id, SlaKind.BRANCH_AVERAGE_BREACH, SlaRule.BRANCH_AVERAGE_WAIT, branch, limit.toSeconds(), mean.toSeconds(),
                asOf.minus(window), now);
        if (inserted == 0) {
            return false;
        }
        outbox.publish(now, new SlaBreached(id.toString(), branch, null, null, null, null, SlaRule.BRANCH_AVERAGE_WAIT,
                limit.toSeconds(), mean.toSeconds(), asOf.minus(window), null, now, false, null, null));
        afterCommit.run(() -> {
            metrics.finding(SlaKind.BRANCH_AVERAGE_BREACH, branch, SlaMetrics.ALL, Duration.ZERO);
            LOG.infof("BRANCH_AVERAGE_BREACH at branch %s: mean wait %ds over the last %d min, limit %ds", branch,
                    mean.toSeconds(), window.toMinutes(), limit.toSeconds());
        });
        return true;
    }

    /** Clears the branch's open average-wait breach, if any, and publishes that it cleared. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean clearBranchAverage(String branch, Duration mean, Instant now) {
        record Closed(UUID id, long limit) {
        }
        var closed = db.list("""
                UPDATE sla_breach SET status = 'RESOLVED', resolved_at = ?, resolved_actual_seconds = ?
                WHERE branch_id = ? AND ticket_id IS NULL AND kind = ? AND status = 'OPEN'
                RETURNING breach_id, limit_seconds""",
                rs -> new Closed(rs.getObject(1, UUID.class), rs.getLong(2)), now, mean.toSeconds(), branch,
                SlaKind.BRANCH_AVERAGE_BREACH);
        for (Closed c : closed) {
            outbox.publish(now, new SlaCleared(c.id().toString(), branch, null, SlaRule.BRANCH_AVERAGE_WAIT, c.limit(),
                    mean.toSeconds(), now));
            afterCommit.run(() -> LOG.infof("BRANCH_AVERAGE_BREACH at branch %s cleared: mean wait %ds", branch, mean.toSeconds()));
        }
        return !closed.isEmpty();
    }

    public boolean branchAverageOpen(String branch) {
        return db.count("SELECT count(*) FROM sla_breach WHERE branch_id = ? AND ticket_id IS NULL AND kind = ? AND status = 'OPEN'",
                branch, SlaKind.BRANCH_AVERAGE_BREACH) > 0;
    }

    private void resolve(TicketFacts facts, SlaRule rule, Instant endedAt, Duration actual, Instant now) {
        record Closed(UUID id, SlaKind kind, long limit) {
        }
        var closed = db.list("""
                UPDATE sla_breach SET status = 'RESOLVED', resolved_at = ?, resolved_actual_seconds = ?
                WHERE ticket_id = ? AND rule = ? AND status = 'OPEN'
                RETURNING breach_id, kind, limit_seconds""",
                rs -> new Closed(rs.getObject(1, UUID.class), SlaKind.valueOf(rs.getString(2)), rs.getLong(3)),
                endedAt, actual.toSeconds(), facts.ticketId(), rule);
        for (Closed c : closed) {
            if (c.kind().isBreach()) {
                outbox.publish(now, new SlaCleared(c.id().toString(), facts.branchId(), facts.ticketId(), rule, c.limit(),
                        actual.toSeconds(), now));
            }
        }
    }
}
