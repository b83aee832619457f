package io.hallwatch.sla.service.breach;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.SlaRule;
import io.hallwatch.sla.domain.breach.BreachIds;
import io.hallwatch.sla.domain.breach.TicketFinding;
import io.hallwatch.sla.domain.detection.Finding;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.domain.detection.TicketFacts;
import io.hallwatch.sla.events.breach.BreachEvents;
import io.hallwatch.sla.metrics.SlaMetrics;
import io.hallwatch.sla.store.breach.BreachStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a ticket's findings and publishes them through the outbox, in the caller's transaction.
 * The unique key (ticket, kind) decides: a finding that is already there is neither stored nor
 * published again. A finding's id is derived from the ticket and kind ({@link BreachIds}), so
 * every instance and every replay names it the same.
 */
@ApplicationScoped
public class BreachRecorder {
    private static final Logger LOG = Logger.getLogger(BreachRecorder.class);

    private final BreachStore store;
    private final BreachEvents events;
    private final SlaMetrics metrics;
    private final AfterCommit afterCommit;

    BreachRecorder(BreachStore store, BreachEvents events, SlaMetrics metrics, AfterCommit afterCommit) {
        this.store = store;
        this.events = events;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
    }

    /** Stores and publishes {@code finding}; false where the unique key says it was raised already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(TicketFacts facts, Finding finding) {
        return recordAll(List.of(new TicketFinding(facts, finding))) == 1;
    }

    /**
     * {@link #record} for several findings, stored with one statement and published, in their
     * order, with another. Returns how many were new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(List<TicketFinding> findings) {
        if (findings.isEmpty()) {
            return 0;
        }
        Set<UUID> inserted = store.insertAll(findings);
        List<Outbox.Pending> published = new ArrayList<>(inserted.size());
        for (TicketFinding r : findings) {
            if (inserted.remove(BreachIds.of(r.facts().ticketId(), r.finding().kind()))) {
                published.add(events.of(r));
                announce(r.facts(), r.finding());
            }
        }
        events.publishAll(published);
        return published.size();
    }

    /** The finding's metric and log line, once committed. */
    private void announce(TicketFacts facts, Finding finding) {
        Duration delay = Duration.between(finding.deadline(), finding.detectedAt());
        afterCommit.run(() -> {
            metrics.finding(finding.kind(), facts.branchId(), finding.businessType(), delay);
            LOG.infof("%s at branch %s: %s ticket, limit %ds, due %s, detected %s%s", finding.kind(), facts.branchId(),
                    finding.businessType(), finding.limit().toSeconds(), finding.deadline(), finding.detectedAt(),
                    finding.late() ? " (late)" : "");
        });
    }

    /**
     * Closes the open findings of whatever is over on this ticket: the wait once the customer is
     * called (or left), the service once it finished. Each closed breach is published as cleared,
     * so that an alert on a duty manager's phone can resolve itself; warnings close silently.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveEnded(TicketFacts facts, Instant now) {
        if (facts.waitEndedAt() != null && facts.issuedAt() != null) {
            resolve(facts, SlaRule.WAIT, facts.waitEndedAt(), Duration.between(facts.waitClockStart(), facts.waitEndedAt()), now);
        }
        // A service ends at its finish, or where it was parked back into the queue.
        if (facts.handlingEndedAt() != null && facts.handlingStartedAt() != null) {
            resolve(facts, SlaRule.HANDLING, facts.handlingEndedAt(),
                    Duration.between(facts.handlingStartedAt(), facts.handlingEndedAt()), now);
        }
    }

    private void resolve(TicketFacts facts, SlaRule rule, Instant endedAt, Duration actual, Instant now) {
        for (BreachStore.Closed c : store.resolve(facts.ticketId(), rule, endedAt, actual)) {
            if (c.kind().isBreach()) {
                events.ticketCleared(c.breachId(), facts.branchId(), facts.ticketId(), rule, c.limitSeconds(), actual, now);
            }
        }
    }

    /**
     * Opens the branch's average-wait breach; false where one is open already (the partial
     * unique index keeps it to one open per branch, whichever instance evaluates).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean openBranchAverage(String branch, Duration limit, Duration window, Duration mean, Instant asOf, Instant now) {
        UUID id = BreachIds.ofBranchAverage(branch, asOf);
        if (!store.insertBranchAverage(id, branch, limit, mean, asOf.minus(window), now)) {
            return false;
        }
        events.branchAverageBreached(id, branch, limit, mean, asOf.minus(window), now);
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
        List<BreachStore.Closed> closed = store.clearBranchAverage(branch, mean, now);
        for (BreachStore.Closed c : closed) {
            events.branchAverageCleared(c.breachId(), branch, c.limitSeconds(), mean, now);
            afterCommit.run(() -> LOG.infof("BRANCH_AVERAGE_BREACH at branch %s cleared: mean wait %ds", branch, mean.toSeconds()));
        }
        return !closed.isEmpty();
    }
}
