package io.hallwatch.sla.domain.detection;

import io.hallwatch.events.TicketEvent;
import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.common.standard.StandardLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes, from a ticket's full event history, what really happened, in the plainest terms:
 * when the wait ended, when the service ended, and so which limits were reached. Shares nothing
 * with the monitor but the fold of the facts (itself tested for order independence) and the
 * limits.
 */
final class Oracle {
    private Oracle() {
    }

    record Truth(String ticketId, TicketFacts facts, StandardLimits limits) {
        Instant waitDeadline() {
            return facts.issuedAt().plus(limits.waitLimit());
        }

        Instant waitWarnAt() {
            return facts.issuedAt().plus(limits.waitWarningAfter());
        }

        /** The wait ended: called, cancelled or service started, whichever came first. */
        Optional<Instant> waitEnd() {
            return Optional.ofNullable(facts.waitEndedAt());
        }

        Instant handlingDeadline() {
            return facts.serviceStartedAt().plus(limits.handlingLimit());
        }

        Instant handlingWarnAt() {
            return facts.serviceStartedAt().plus(limits.handlingWarningAfter());
        }

        Optional<Instant> serviceEnd() {
            return Optional.ofNullable(facts.serviceFinishedAt());
        }

        /** Breached by the end of the day, as seen by a monitor that scans at {@code end}. */
        boolean waitBreached(Instant end) {
            return waitEnd().map(e -> !e.isBefore(waitDeadline())).orElse(!waitDeadline().isAfter(end));
        }

        boolean handlingBreached(Instant end) {
            return facts.serviceStartedAt() != null
                    && serviceEnd().map(e -> !e.isBefore(handlingDeadline())).orElse(!handlingDeadline().isAfter(end));
        }

        /** Still waiting (as far as the truth goes) throughout [from, to]. */
        boolean waitingThrough(Instant to) {
            return waitEnd().map(e -> e.isAfter(to)).orElse(true);
        }

        boolean servingThrough(Instant to) {
            return facts.serviceStartedAt() != null && serviceEnd().map(e -> e.isAfter(to)).orElse(true);
        }
    }

    static Truth truth(String ticketId, List<TicketEvent> events, PolicyHistory policy) {
        TicketFacts f = TicketFacts.empty(ticketId, events.get(0).branchId());
        for (TicketEvent e : events) {
            f = f.with(e);
        }
        return new Truth(ticketId, f, LimitsFor.ticket(policy, f));
    }

    static Map<String, Truth> of(BranchDay day, PolicyHistory policy) {
        Map<String, Truth> all = new java.util.LinkedHashMap<>();
        day.truth.forEach((id, events) -> all.put(id, truth(id, events, policy)));
        return all;
    }
}
