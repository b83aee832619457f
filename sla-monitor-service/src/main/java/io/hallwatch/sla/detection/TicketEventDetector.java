package io.hallwatch.sla.detection;

import io.hallwatch.common.consumer.RejectedEventException;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.sla.breach.BreachRecorder;
import io.hallwatch.sla.metrics.SlaMetrics;
import io.hallwatch.sla.policy.PolicyStore;
import io.hallwatch.sla.policy.TicketLimits;
import io.hallwatch.sla.support.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one ticket or service event, inside the consumer's transaction: folds it into the
 * ticket's facts, raises what the event proves (a wait or service that already ran over with no
 * breach yet), closes what it ended, and leaves the ticket with exactly the timers it still needs.
 */
@ApplicationScoped
public class TicketEventDetector {
    private final TicketStore tickets;
    private final TimerStore timers;
    private final BreachRecorder breaches;
    private final PolicyStore policies;
    private final TicketDetector detector;
    private final SlaMetrics metrics;
    private final AfterCommit afterCommit;
    private final Clock clock;

    TicketEventDetector(TicketStore tickets, TimerStore timers, BreachRecorder breaches, PolicyStore policies,
                        TicketDetector detector, SlaMetrics metrics, AfterCommit afterCommit, Clock clock) {
        this.tickets = tickets;
        this.timers = timers;
        this.breaches = breaches;
        this.policies = policies;
        this.detector = detector;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent<?> event) {
        if (!(event.data() instanceof TicketEvent e)) {
            return; // not about a ticket: nothing to judge
        }
        Instant now = clock.instant();
        TicketFacts empty = TicketFacts.empty(e.ticketId(), e.branchId());
        Optional<TicketStore.StoredTicket> stored = tickets.lock(e.ticketId());
        if (stored.isEmpty()) {
            TicketFacts first = empty.with(e);
            TicketLimits limits = LimitsFor.ticket(policies.history(), first);
            if (tickets.insertIfAbsent(first, limits)) {
                judge(empty, first, limits, now);
                return;
            }
            // Another instance applied this ticket's first event at the same moment (its
            // services and tickets partitions may have different owners): merge into its row.
            stored = tickets.lock(e.ticketId());
        }
        TicketFacts before = stored.map(TicketStore.StoredTicket::facts).orElse(empty);
        if (!before.branchId().equals(e.branchId())) {
            throw new RejectedEventException("Ticket " + e.ticketId() + " belongs to another branch than " + e.branchId());
        }
        TicketFacts after = before.with(e);
        if (after.equals(before)) {
            return; // a replay of something already known
        }
        TicketLimits limits = LimitsFor.ticket(policies.history(), after);
        tickets.update(after, limits);
        judge(before, after, limits, now);
    }

    private void judge(TicketFacts before, TicketFacts after, TicketLimits limits, Instant now) {
        Set<SlaKind> raised = breaches.raisedKinds(after.ticketId());
        TicketDetector.Outcome outcome = detector.onEvent(after, limits, raised, now);
        breaches.resolveEnded(after, now);
        outcome.findings().forEach(f -> breaches.record(after, f));
        timers.replace(after.ticketId(), after.branchId(), outcome.timers());
        observe(before, after);
    }

    /** Each wait and each service is measured once, when its end first becomes known. */
    private void observe(TicketFacts before, TicketFacts after) {
        if (before.waitEndedAt() == null && after.waitEndedAt() != null && after.issuedAt() != null) {
            Duration wait = Duration.between(after.issuedAt(), after.waitEndedAt());
            afterCommit.run(() -> metrics.waitObserved(after.branchId(), after.waitBusinessType(), wait));
        }
        if (before.serviceFinishedAt() == null && after.serviceFinishedAt() != null && after.serviceStartedAt() != null) {
            Duration handling = Duration.between(after.serviceStartedAt(), after.serviceFinishedAt());
            afterCommit.run(() -> metrics.handlingObserved(after.branchId(), after.serviceBusinessType(), handling));
        }
    }
}
