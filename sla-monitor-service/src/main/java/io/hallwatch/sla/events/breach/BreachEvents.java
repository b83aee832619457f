package io.hallwatch.sla.events.breach;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaCleared;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.SlaWarning;
import io.hallwatch.sla.domain.breach.BreachIds;
import io.hallwatch.sla.domain.breach.TicketFinding;
import io.hallwatch.sla.domain.detection.Finding;
import io.hallwatch.sla.domain.detection.TicketFacts;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The monitor's findings as events on {@code hallwatch.sla.v1}, through the outbox (in the
 * caller's transaction, keyed by branch): warnings, breaches and clears.
 */
@ApplicationScoped
public class BreachEvents {
    private final Outbox outbox;

    BreachEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A ticket's finding as its event ({@code SlaBreached} or {@code SlaWarning}), to publish with others. */
    public Outbox.Pending of(TicketFinding raised) {
        TicketFacts facts = raised.facts();
        Finding finding = raised.finding();
        String id = BreachIds.of(facts.ticketId(), finding.kind()).toString();
        if (finding.kind().isBreach()) {
            return new Outbox.Pending(finding.detectedAt(), new SlaBreached(id, facts.branchId(), facts.ticketId(),
                    facts.ticketNumber(), finding.businessType(), facts.customerTier(), finding.kind().rule(),
                    finding.limit().toSeconds(), finding.actual().toSeconds(), finding.startedAt(), finding.limitDeadline(),
                    finding.detectedAt(), finding.late(), finding.counterId(), finding.clerkId()));
        }
        return new Outbox.Pending(finding.detectedAt(), new SlaWarning(id, facts.branchId(), facts.ticketId(),
                facts.ticketNumber(), finding.businessType(), facts.customerTier(), finding.kind().rule(),
                finding.limit().toSeconds(), finding.actual().toSeconds(), finding.startedAt(), finding.limitDeadline(),
                finding.detectedAt(), finding.counterId(), finding.clerkId()));
    }

    /** Publishes findings' events in their order, with one statement. */
    public void publishAll(List<Outbox.Pending> events) {
        outbox.publishAll(events);
    }

    /** A ticket's breach is over (the customer was called, the service finished). */
    public void ticketCleared(UUID breachId, String branchId, String ticketId, SlaRule rule, long limitSeconds, Duration actual,
                              Instant now) {
        outbox.publish(now, new SlaCleared(breachId.toString(), branchId, ticketId, rule, limitSeconds, actual.toSeconds(), now));
    }

    /** A branch's rolling mean wait went over its limit; the breach has no ticket and no deadline. */
    public void branchAverageBreached(UUID breachId, String branchId, Duration limit, Duration mean, Instant startedAt, Instant now) {
        outbox.publish(now, new SlaBreached(breachId.toString(), branchId, null, null, null, null, SlaRule.BRANCH_AVERAGE_WAIT,
                limit.toSeconds(), mean.toSeconds(), startedAt, null, now, false, null, null));
    }

    /** A branch's rolling mean wait is back at or under its limit. */
    public void branchAverageCleared(UUID breachId, String branchId, long limitSeconds, Duration mean, Instant now) {
        outbox.publish(now, new SlaCleared(breachId.toString(), branchId, null, SlaRule.BRANCH_AVERAGE_WAIT, limitSeconds,
                mean.toSeconds(), now));
    }
}
