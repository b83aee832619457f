package io.hallwatch.sla.domain.detection;

import io.hallwatch.common.standard.StandardLimits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which timers a ticket needs now. A timer exists only while its condition can still be raised
 * by the clock: the customer may still be waiting (or the call is not yet known) at the deadline,
 * or the service may still be running. Kinds already raised get no timer again. A walk-in gets no wait timer; a
 * parked visit waits again on the budget it had left; a service parked is over.
 */
public final class DeadlinePlanner {
    private DeadlinePlanner() {
    }

    public static List<Deadline> plan(TicketFacts facts, StandardLimits limits, Set<SlaKind> raised) {
        List<Deadline> timers = new ArrayList<>();
        if (facts.issuedAt() != null && facts.waitJudged() && facts.certainWaitEnd() == null
                && !raised.contains(SlaKind.WAIT_BREACH)) {
            // After a park the clock resumed with the wait kept: the deadline has the budget left then.
            Instant deadline = facts.waitClockStart().plus(limits.waitLimit());
            Instant warnAt = facts.waitClockStart().plus(limits.waitWarningAfter());
            Instant end = facts.waitEndedAt();
            if (end == null && !raised.contains(SlaKind.WAIT_WARNING)) {
                timers.add(new Deadline(SlaKind.WAIT_WARNING, warnAt));
            }
            // A service start proves the wait ended by then; before the deadline, nothing can breach.
            if (end == null || !end.isBefore(deadline)) {
                timers.add(new Deadline(SlaKind.WAIT_BREACH, deadline));
            }
        }
        if (facts.inService() && !raised.contains(SlaKind.HANDLING_BREACH)) {
            if (!raised.contains(SlaKind.HANDLING_WARNING)) {
                timers.add(new Deadline(SlaKind.HANDLING_WARNING, facts.handlingStartedAt().plus(limits.handlingWarningAfter())));
            }
            timers.add(new Deadline(SlaKind.HANDLING_BREACH, facts.handlingStartedAt().plus(limits.handlingLimit())));
        }
        return timers;
    }
}
