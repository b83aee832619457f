package io.hallwatch.sla.domain.detection;

import io.hallwatch.common.standard.StandardLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a ticket's facts amount to, at two moments:
 * <ul>
 *   <li>{@link #onDue}: a timer came due and the monitor has caught up with everything published
 *       before it (see {@link PartitionFence}); the condition is judged on the facts as they are;</li>
 *   <li>{@link #afterEvent}: an event closed a wait or a service that had already run over its
 *       limit without a breach (the monitor was down, or the events came late): the breach is
 *       raised then, from the event's own times.</li>
 * </ul>
 * A wait (or service) that reaches its limit is a breach: one called at 14:59 is not, one still
 * waiting at 15:00 is. Warnings are only raised while the condition still runs and before its
 * breach is due: a warning about a customer already called, or one overtaken by its breach,
 * would only be noise on a duty manager's phone.
 * <p>
 * Visits (issue 25): a walk-in's wait is never judged. A visit parked back into the queue waits again on the budget
 * it had left: its wait deadline is {@link TicketFacts#waitClockStart()} plus the limit, and the wait that counts
 * ends at the call after the park; the service under way at a park ends there. One finding per ticket and kind, as
 * always, so a wait or a service breached before a park is never breached again after it. A remote ticket or an
 * appointment waits from the customer's check-in (its issue), an appointment checked in before its slot from the slot's
 * start: nothing is judged late before that plus the limit.
 */
public final class SlaJudge {
    private final DetectionSettings settings;

    public SlaJudge(DetectionSettings settings) {
        this.settings = settings;
    }

    public Optional<Finding> onDue(TicketFacts facts, StandardLimits limits, SlaKind kind, Instant now, Set<SlaKind> raised) {
        if (raised.contains(kind)) {
            return Optional.empty();
        }
        return switch (kind) {
            case WAIT_BREACH -> waitBreach(facts, limits, now);
            case WAIT_WARNING -> raised.contains(SlaKind.WAIT_BREACH) ? Optional.empty() : waitWarning(facts, limits, now);
            case HANDLING_BREACH -> handlingBreach(facts, limits, now);
            case HANDLING_WARNING -> raised.contains(SlaKind.HANDLING_BREACH) ? Optional.empty() : handlingWarning(facts, limits, now);
            case BRANCH_AVERAGE_BREACH -> Optional.empty();
        };
    }

    public List<Finding> afterEvent(TicketFacts facts, StandardLimits limits, Instant now, Set<SlaKind> raised) {
        List<Finding> findings = new ArrayList<>();
        Instant waitEnd = facts.certainWaitEnd();
        if (!raised.contains(SlaKind.WAIT_BREACH) && facts.waitJudged() && facts.issuedAt() != null && waitEnd != null) {
            Instant deadline = facts.waitClockStart().plus(limits.waitLimit());
            if (!waitEnd.isBefore(deadline)) {
                findings.add(waitFinding(SlaKind.WAIT_BREACH, facts, limits.waitLimit(), deadline,
                        Duration.between(facts.waitClockStart(), waitEnd), now));
            }
        }
        Instant finished = facts.handlingEndedAt();
        if (!raised.contains(SlaKind.HANDLING_BREACH) && facts.handlingStartedAt() != null && finished != null) {
            Instant deadline = facts.handlingStartedAt().plus(limits.handlingLimit());
            if (!finished.isBefore(deadline)) {
                findings.add(handlingFinding(SlaKind.HANDLING_BREACH, facts, limits.handlingLimit(), deadline,
                        Duration.between(facts.handlingStartedAt(), finished), now));
            }
        }
        return findings;
    }

    private Optional<Finding> waitBreach(TicketFacts facts, StandardLimits limits, Instant now) {
        if (facts.issuedAt() == null || !facts.waitJudged()) {
            return Optional.empty();
        }
        Instant deadline = facts.waitClockStart().plus(limits.waitLimit());
        Instant end = facts.waitEndedAt();
        if (now.isBefore(deadline) || (end != null && end.isBefore(deadline))) {
            return Optional.empty();
        }
        Duration actual = Duration.between(facts.waitClockStart(), end != null && end.isBefore(now) ? end : now);
        return Optional.of(waitFinding(SlaKind.WAIT_BREACH, facts, limits.waitLimit(), deadline, actual, now));
    }

    private Optional<Finding> waitWarning(TicketFacts facts, StandardLimits limits, Instant now) {
        if (facts.issuedAt() == null || !facts.waitJudged() || facts.waitEndedAt() != null) {
            return Optional.empty();
        }
        Instant warnAt = facts.waitClockStart().plus(limits.waitWarningAfter());
        Instant deadline = facts.waitClockStart().plus(limits.waitLimit());
        if (now.isBefore(warnAt) || !now.isBefore(deadline)) {
            return Optional.empty();
        }
        return Optional.of(waitFinding(SlaKind.WAIT_WARNING, facts, limits.waitLimit(), warnAt,
                Duration.between(facts.waitClockStart(), now), now));
    }

    private Optional<Finding> handlingBreach(TicketFacts facts, StandardLimits limits, Instant now) {
        if (facts.handlingStartedAt() == null) {
            return Optional.empty();
        }
        Instant deadline = facts.handlingStartedAt().plus(limits.handlingLimit());
        Instant end = facts.handlingEndedAt();
        if (now.isBefore(deadline) || (end != null && end.isBefore(deadline))) {
            return Optional.empty();
        }
        Duration actual = Duration.between(facts.handlingStartedAt(), end != null && end.isBefore(now) ? end : now);
        return Optional.of(handlingFinding(SlaKind.HANDLING_BREACH, facts, limits.handlingLimit(), deadline, actual, now));
    }

    private Optional<Finding> handlingWarning(TicketFacts facts, StandardLimits limits, Instant now) {
        if (!facts.inService()) {
            return Optional.empty();
        }
        Instant warnAt = facts.handlingStartedAt().plus(limits.handlingWarningAfter());
        Instant deadline = facts.handlingStartedAt().plus(limits.handlingLimit());
        if (now.isBefore(warnAt) || !now.isBefore(deadline)) {
            return Optional.empty();
        }
        return Optional.of(handlingFinding(SlaKind.HANDLING_WARNING, facts, limits.handlingLimit(), warnAt,
                Duration.between(facts.handlingStartedAt(), now), now));
    }

    private Finding waitFinding(SlaKind kind, TicketFacts facts, Duration limit, Instant deadline, Duration actual, Instant now) {
        // Started when the wait began: the issue (or check-in), or an early appointment's slot start; a park does not move it.
        return new Finding(kind, facts.waitBusinessType(), facts.waitStart(), deadline, limit, actual, now,
                isLate(deadline, now), facts.callCounterId(), facts.callClerkId());
    }

    private Finding handlingFinding(SlaKind kind, TicketFacts facts, Duration limit, Instant deadline, Duration actual, Instant now) {
        return new Finding(kind, facts.serviceBusinessType(), facts.handlingStartedAt(), deadline, limit, actual, now,
                isLate(deadline, now), facts.serviceCounterId(), facts.serviceClerkId());
    }

    private boolean isLate(Instant deadline, Instant detectedAt) {
        return Duration.between(deadline, detectedAt).compareTo(settings.lateAfter()) > 0;
    }
}
