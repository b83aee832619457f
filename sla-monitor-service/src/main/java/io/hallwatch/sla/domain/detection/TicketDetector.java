package io.hallwatch.sla.domain.detection;

import io.hallwatch.common.standard.StandardLimits;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two moments the monitor looks at a ticket, and what follows from each: the findings to
 * raise and the timers the ticket needs afterwards. The caller folds the event into the facts,
 * resolves the limits, and stores what comes out; nothing here touches storage or the clock.
 */
public final class TicketDetector {
    private final SlaJudge judge;

    public TicketDetector(DetectionSettings settings) {
        this.judge = new SlaJudge(settings);
    }

    /** What to raise, and which timers to keep, now that an event has been folded into {@code facts}. */
    public Outcome onEvent(TicketFacts facts, StandardLimits limits, Set<SlaKind> raised, Instant now) {
        List<Finding> findings = judge.afterEvent(facts, limits, now, raised);
        return new Outcome(findings, DeadlinePlanner.plan(facts, limits, union(raised, findings)));
    }

    /**
     * What a due timer of {@code kind} raises. Call it only once the lag rule allows (the
     * {@link PartitionFence} is passed); the returned timers replace the ticket's timers, which
     * keeps a timer whose deadline moved (the limits changed) and drops one that is done.
     */
    public Outcome onDue(TicketFacts facts, StandardLimits limits, Set<SlaKind> raised, SlaKind kind, Instant now) {
        Optional<Finding> finding = judge.onDue(facts, limits, kind, now, raised);
        List<Finding> findings = finding.map(List::of).orElse(List.of());
        return new Outcome(findings, DeadlinePlanner.plan(facts, limits, union(raised, findings)));
    }

    private static Set<SlaKind> union(Set<SlaKind> raised, List<Finding> findings) {
        Set<SlaKind> all = raised.isEmpty() ? EnumSet.noneOf(SlaKind.class) : EnumSet.copyOf(raised);
        findings.forEach(f -> all.add(f.kind()));
        return all;
    }

    /** @param timers every timer the ticket needs from now on; any other it had is obsolete */
    public record Outcome(List<Finding> findings, List<Deadline> timers) {
    }
}
