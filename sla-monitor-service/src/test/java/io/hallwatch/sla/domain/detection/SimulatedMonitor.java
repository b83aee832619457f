package io.hallwatch.sla.domain.detection;

import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.common.standard.StandardLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The monitor's bookkeeping in memory, around the very classes the service runs (facts fold,
 * {@link TicketDetector}, {@link WatermarkBook}, {@link PartitionFence}): what the service keeps in
 * PostgreSQL (ticket facts, timers with their fences, findings under a unique key, processed event
 * ids) lives here in maps. It reads two topic logs with its own position in each, as the consumer
 * does, and the producers' promises as the watermark follower does.
 */
final class SimulatedMonitor {
    record Raised(String ticketId, Finding finding) {
    }

    private static final class Timer {
        final Instant dueAt;
        PartitionFence fence;

        Timer(Instant dueAt) {
            this.dueAt = dueAt;
        }
    }

    private final PolicyHistory policy;
    private final TicketDetector detector;
    private final WatermarkBook watermarks = new WatermarkBook(new WatermarkBook.Input("tickets", List.of("queue")),
            new WatermarkBook.Input("services", List.of("counter")), 1_000_000);
    private static final WatermarkBook.BranchPartitions ONE_PARTITION = new WatermarkBook.BranchPartitions(0, 0);
    private final Set<UUID> processed = new HashSet<>();
    private final Map<String, TicketFacts> facts = new HashMap<>();
    private final Map<String, EnumMap<SlaKind, Finding>> raised = new HashMap<>();
    private final Map<String, EnumMap<SlaKind, Timer>> timers = new HashMap<>();
    /** Every finding as it would reach the topic, in order; the unique key lets each in once. */
    final List<Raised> published = new ArrayList<>();
    int ticketsApplied;
    int servicesApplied;

    SimulatedMonitor(PolicyHistory policy, DetectionSettings settings) {
        this.policy = policy;
        this.detector = new TicketDetector(settings);
    }

    void applyNextTicketsRecord(BranchDay.Published p, Instant now) {
        ticketsApplied++;
        apply(p, now);
    }

    void applyNextServicesRecord(BranchDay.Published p, Instant now) {
        servicesApplied++;
        apply(p, now);
    }

    private void apply(BranchDay.Published p, Instant now) {
        if (!processed.add(p.eventId())) {
            return; // processed_event: a redelivered record is skipped
        }
        String ticket = p.event().ticketId();
        TicketFacts before = facts.getOrDefault(ticket, TicketFacts.empty(ticket, p.event().branchId()));
        TicketFacts after = before.with(p.event());
        if (after.equals(before)) {
            return;
        }
        facts.put(ticket, after);
        StandardLimits limits = LimitsFor.ticket(policy, after);
        TicketDetector.Outcome outcome = detector.onEvent(after, limits, raisedKinds(ticket), now);
        store(ticket, outcome);
    }

    /** The producers' promises: everything up to each watermark lies below that topic's end. */
    void promise(Instant ticketsWatermark, int ticketsEnd, Instant servicesWatermark, int servicesEnd) {
        watermarks.record("queue", "tickets", ticketsWatermark, List.of((long) ticketsEnd));
        watermarks.record("counter", "services", servicesWatermark, List.of((long) servicesEnd));
    }

    /** One scan at {@code now}. */
    void scan(Instant now) {
        Instant dueBefore = now;
        record Due(String ticket, SlaKind kind, Timer timer) {
        }
        List<Due> due = new ArrayList<>();
        timers.forEach((ticket, byKind) -> byKind.forEach((kind, timer) -> {
            if (!timer.dueAt.isAfter(dueBefore)) {
                due.add(new Due(ticket, kind, timer));
            }
        }));
        due.sort(Comparator.comparing((Due d) -> d.timer.dueAt).thenComparing(d -> d.kind));
        for (Due d : due) {
            EnumMap<SlaKind, Timer> current = timers.get(d.ticket);
            if (current == null || current.get(d.kind) != d.timer) {
                continue; // replaced or dropped earlier in this scan
            }
            if (d.timer.fence == null) {
                WatermarkBook.Judgement judgement = watermarks.judge(d.timer.dueAt, ONE_PARTITION);
                if (!judgement.ready()) {
                    continue; // a producer has not promised the deadline yet
                }
                d.timer.fence = judgement.fence();
            }
            if (!d.timer.fence.passedBy(ticketsApplied, servicesApplied)) {
                continue;
            }
            TicketFacts f = facts.get(d.ticket);
            TicketDetector.Outcome outcome = detector.onDue(f, LimitsFor.ticket(policy, f), raisedKinds(d.ticket), d.kind, now);
            store(d.ticket, outcome);
        }
    }

    boolean hasTimers() {
        return timers.values().stream().anyMatch(m -> !m.isEmpty());
    }

    Map<String, EnumMap<SlaKind, Finding>> raised() {
        return raised;
    }

    private Set<SlaKind> raisedKinds(String ticket) {
        EnumMap<SlaKind, Finding> r = raised.get(ticket);
        return r == null ? Set.of() : r.keySet();
    }

    private void store(String ticket, TicketDetector.Outcome outcome) {
        for (Finding f : outcome.findings()) {
            EnumMap<SlaKind, Finding> r = raised.computeIfAbsent(ticket, t -> new EnumMap<>(SlaKind.class));
            if (r.putIfAbsent(f.kind(), f) == null) { // the unique key (ticket, kind)
                published.add(new Raised(ticket, f));
            }
        }
        EnumMap<SlaKind, Timer> old = timers.getOrDefault(ticket, new EnumMap<>(SlaKind.class));
        EnumMap<SlaKind, Timer> next = new EnumMap<>(SlaKind.class);
        for (Deadline d : outcome.timers()) {
            Timer kept = old.get(d.kind());
            next.put(d.kind(), kept != null && kept.dueAt.equals(d.dueAt()) ? kept : new Timer(d.dueAt()));
        }
        timers.put(ticket, next);
    }
}
