package io.hallwatch.sla.service.detection;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.common.consumer.RejectedEventException;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.sla.domain.detection.Finding;
import io.hallwatch.sla.domain.detection.LimitsFor;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.domain.detection.TicketDetector;
import io.hallwatch.sla.domain.detection.TicketFacts;
import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.common.standard.StandardLimits;
import io.hallwatch.sla.metrics.SlaMetrics;
import io.hallwatch.sla.domain.breach.RaisedKinds;
import io.hallwatch.sla.domain.breach.TicketFinding;
import io.hallwatch.sla.service.breach.BreachRecorder;
import io.hallwatch.sla.store.breach.BreachStore;
import io.hallwatch.sla.store.detection.TicketStore;
import io.hallwatch.sla.store.status.BreachPredictionStore;
import io.hallwatch.sla.store.detection.TimerStore;
import io.hallwatch.sla.store.policy.PolicyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies ticket and service events, one or a poll's worth, inside the consumer's transaction: folds it into the
 * ticket's facts, raises what the event proves (a wait or service that already ran over with no
 * breach yet), closes what it ended, and leaves the ticket with exactly the timers it still needs.
 * Benchmark 2 measured the round trips per event as the monitor's limit: a poll costs a fixed
 * handful of them (plus one outbox row per finding), however many events it holds.
 */
@ApplicationScoped
public class TicketEventDetector {
    private final TicketStore tickets;
    private final TimerStore timers;
    private final BreachRecorder breaches;
    private final BreachStore findings;
    private final PolicyStore policies;
    private final TicketDetector detector;
    private final SlaMetrics metrics;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final BreachPredictionStore predictions;

    TicketEventDetector(TicketStore tickets, TimerStore timers, BreachRecorder breaches, BreachStore findings, PolicyStore policies,
                        TicketDetector detector, SlaMetrics metrics, AfterCommit afterCommit, Clock clock,
                        BreachPredictionStore predictions) {
        this.predictions = predictions;
        this.tickets = tickets;
        this.timers = timers;
        this.breaches = breaches;
        this.findings = findings;
        this.policies = policies;
        this.detector = detector;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent<?> event) {
        applyAll(List.of(event));
    }

    /**
     * Applies a poll's events in order, each as {@link #apply} would, in a fixed number of round
     * trips: every ticket the poll touches is locked and read with its findings and timers at
     * once, the events are folded in memory (each sees the ones before it), and the findings,
     * facts and timers are written back at the end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<CloudEvent<?>> events) {
        List<TicketEvent> ticketEvents = new ArrayList<>(events.size());
        for (CloudEvent<?> event : events) {
            if (event.data() instanceof TicketEvent e) {
                ticketEvents.add(e); // anything else is not about a ticket: nothing to judge
            }
        }
        if (ticketEvents.isEmpty()) {
            return;
        }
        PolicyHistory history = policies.history();
        Map<String, TicketInPoll> working = load(ticketEvents, history);
        List<TicketFinding> raised = new ArrayList<>();
        for (int i = 0; i < ticketEvents.size(); i++) {
            TicketEvent e = ticketEvents.get(i);
            apply(working.get(e.ticketId()), i, e, history, raised);
        }
        breaches.recordAll(raised);
        List<TicketStore.StoredTicket> newRows = new ArrayList<>();
        List<TicketStore.StoredTicket> rows = new ArrayList<>();
        List<TimerStore.TicketTimers> timerChanges = new ArrayList<>();
        for (TicketInPoll ticket : working.values()) {
            Optional.ofNullable(ticket.newRow()).ifPresent(newRows::add);
            Optional.ofNullable(ticket.changedRow()).ifPresent(rows::add);
            Optional.ofNullable(ticket.timerChange()).ifPresent(timerChanges::add);
        }
        if (!newRows.isEmpty() && tickets.insertAllIfAbsent(newRows).size() < newRows.size()) {
            // Another instance applied one of these tickets' first events meanwhile (a ticket's
            // tickets- and services-topic partitions may have different owners) and has committed:
            // undo the poll; applied again, it finds that row, locks it and builds on it.
            throw new TicketCreatedElsewhereException();
        }
        tickets.updateAll(rows);
        timers.replaceAll(timerChanges);
        predictions.recordAll(ticketEvents.stream().filter(e -> e instanceof TicketIssued i && Boolean.TRUE.equals(i.breachPredicted()))
                .map(e -> (TicketIssued) e).toList());
    }

    /**
     * Locks the tickets the events are about and reads their findings and timers; those seen for
     * the first time start from their first event, in memory.
     */
    private Map<String, TicketInPoll> load(List<TicketEvent> events, PolicyHistory history) {
        Map<String, Integer> firstEvent = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            firstEvent.putIfAbsent(events.get(i).ticketId(), i);
        }
        Map<String, TicketStore.StoredTicket> stored = tickets.lockAll(firstEvent.keySet());
        Map<String, TicketStore.StoredTicket> created = new HashMap<>();
        for (Map.Entry<String, Integer> first : firstEvent.entrySet()) {
            if (!stored.containsKey(first.getKey())) {
                TicketEvent e = events.get(first.getValue());
                TicketFacts facts = TicketFacts.empty(e.ticketId(), e.branchId()).with(e);
                created.put(e.ticketId(), new TicketStore.StoredTicket(facts, LimitsFor.ticket(history, facts)));
            }
        }
        Map<String, RaisedKinds> raised = findings.raisedOf(stored.keySet());
        Map<String, Map<SlaKind, Instant>> due = timers.dueAtOf(stored.keySet());
        Map<String, TicketInPoll> working = new HashMap<>();
        stored.forEach((id, row) -> working.put(id, new TicketInPoll(row, false, -1,
                due.getOrDefault(id, Map.of()), raised.getOrDefault(id, RaisedKinds.none()))));
        created.forEach((id, row) -> working.put(id, new TicketInPoll(row, true, firstEvent.get(id), Map.of(),
                RaisedKinds.none())));
        return working;
    }

    /** A ticket this poll meant to create already has a row, committed by another instance meanwhile. */
    static final class TicketCreatedElsewhereException extends RuntimeException {
        TicketCreatedElsewhereException() {
            super("A ticket first seen in this poll was created by another instance meanwhile; the poll is applied again");
        }
    }

    private void apply(TicketInPoll ticket, int index, TicketEvent e, PolicyHistory history, List<TicketFinding> raised) {
        Instant now = clock.instant();
        if (ticket.createdBy(index)) {
            TicketFacts first = ticket.facts();
            judge(ticket, TicketFacts.empty(e.ticketId(), e.branchId()), first, LimitsFor.ticket(history, first), now, raised);
            return;
        }
        TicketFacts before = ticket.facts();
        if (!before.branchId().equals(e.branchId())) {
            throw new RejectedEventException("Ticket " + e.ticketId() + " belongs to another branch than " + e.branchId());
        }
        TicketFacts after = before.with(e);
        if (after.equals(before)) {
            return; // a replay of something already known
        }
        StandardLimits limits = LimitsFor.ticket(history, after);
        ticket.change(after, limits);
        judge(ticket, before, after, limits, now, raised);
    }

    /**
     * Findings wait in {@code raised} to be stored with one statement at the end of the poll;
     * before closing a ticket's open findings they are stored, so that the close sees every
     * finding raised before it, as one event at a time would.
     */
    private void judge(TicketInPoll ticket, TicketFacts before, TicketFacts after, StandardLimits limits, Instant now,
                       List<TicketFinding> raised) {
        TicketDetector.Outcome outcome = detector.onEvent(after, limits, ticket.raised(), now);
        if (ticket.hasOpenEnded(after)) {
            breaches.recordAll(raised);
            raised.clear();
            breaches.resolveEnded(after, now);
            ticket.closeEnded(after);
        }
        for (Finding f : outcome.findings()) {
            raised.add(new TicketFinding(after, f));
            ticket.raised(after, f.kind());
        }
        ticket.timers(outcome.timers());
        observe(before, after);
    }

    /** Each wait and each service is measured once, when its end first becomes known. */
    private void observe(TicketFacts before, TicketFacts after) {
        // Once per customer: a walk-in never waited, and a visit parked back into the queue was measured at its first call.
        if (before.waitEndedAt() == null && after.waitEndedAt() != null && after.issuedAt() != null && after.waitJudged()
                && after.parkedAt() == null) {
            // From the wait's start: an early appointment's slot, not its check-in (none if called before the slot).
            Duration wait = after.waitUntil(after.waitEndedAt());
            afterCommit.run(() -> metrics.waitObserved(after.branchId(), after.waitBusinessType(), wait));
        }
        if (before.serviceFinishedAt() == null && after.serviceFinishedAt() != null && after.serviceStartedAt() != null) {
            Duration handling = Duration.between(after.handlingStartedAt(), after.serviceFinishedAt());
            afterCommit.run(() -> metrics.handlingObserved(after.branchId(), after.serviceBusinessType(), handling));
        }
    }
}
