package io.hallwatch.sla.service.detection;

import io.hallwatch.events.SlaRule;
import io.hallwatch.sla.domain.detection.Deadline;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.domain.detection.TicketFacts;
import io.hallwatch.common.standard.StandardLimits;
import io.hallwatch.sla.domain.breach.RaisedKinds;
import io.hallwatch.sla.store.detection.TicketStore;
import io.hallwatch.sla.store.detection.TimerStore;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ticket while a poll's events are applied to it: what its rows hold, and what the events
 * applied so far made of it. The ticket's row is locked for the whole transaction, so nobody else
 * changes its facts, findings or timers meanwhile; each event sees the ones before it here, and
 * the facts and timers are written back once, at the end of the poll. A ticket the poll is the
 * first to see has no row yet: it is inserted at the end, with what all the poll's events made of
 * it, instead of inserted from its first event and then updated.
 */
final class TicketInPoll {
    private final TicketStore.StoredTicket stored;
    private final Map<SlaKind, Instant> storedTimers;
    private final Set<SlaKind> raised;
    private final Set<SlaKind> open;
    private final boolean isNew;
    /** The index of the poll's event whose facts created the row in this transaction, or -1. */
    private int createdBy;
    private TicketFacts facts;
    private StandardLimits limits;
    private Map<SlaKind, Instant> timers;

    /** {@code isNew}: the ticket has no row; {@code stored} is then what its first event made of it. */
    TicketInPoll(TicketStore.StoredTicket stored, boolean isNew, int createdBy, Map<SlaKind, Instant> storedTimers,
                 RaisedKinds raised) {
        this.stored = stored;
        this.isNew = isNew;
        this.createdBy = createdBy;
        this.storedTimers = storedTimers;
        this.raised = EnumSet.noneOf(SlaKind.class);
        this.raised.addAll(raised.kinds());
        this.open = EnumSet.noneOf(SlaKind.class);
        this.open.addAll(raised.open());
        this.facts = stored.facts();
        this.limits = stored.limits();
        this.timers = storedTimers;
    }

    /** Whether event {@code index} is the one that created the row (its facts are those stored). */
    boolean createdBy(int index) {
        if (createdBy != index) {
            return false;
        }
        createdBy = -1;
        return true;
    }

    TicketFacts facts() {
        return facts;
    }

    void change(TicketFacts facts, StandardLimits limits) {
        this.facts = facts;
        this.limits = limits;
    }

    /** The kinds raised so far: a copy, as the judge's input. */
    Set<SlaKind> raised() {
        return raised.isEmpty() ? EnumSet.noneOf(SlaKind.class) : EnumSet.copyOf(raised);
    }

    /** Whether an open finding measures something {@code facts} show is over (so there is something to close). */
    boolean hasOpenEnded(TicketFacts facts) {
        return open.stream().anyMatch(kind -> ended(facts, kind.rule()));
    }

    /** The open findings of whatever is over are now closed. */
    void closeEnded(TicketFacts facts) {
        open.removeIf(kind -> ended(facts, kind.rule()));
    }

    void raised(TicketFacts facts, SlaKind kind) {
        raised.add(kind);
        if (!facts.isOver(kind)) {
            open.add(kind);
        }
    }

    void timers(List<Deadline> deadlines) {
        Map<SlaKind, Instant> wanted = new EnumMap<>(SlaKind.class);
        deadlines.forEach(d -> wanted.put(d.kind(), d.dueAt()));
        this.timers = wanted;
    }

    /** The row to insert, for a ticket that has none yet. */
    TicketStore.StoredTicket newRow() {
        return isNew ? new TicketStore.StoredTicket(facts, limits) : null;
    }

    /** The stored row, if the events changed it. */
    TicketStore.StoredTicket changedRow() {
        return isNew || facts.equals(stored.facts()) && limits.equals(stored.limits()) ? null : new TicketStore.StoredTicket(facts, limits);
    }

    TimerStore.TicketTimers timerChange() {
        return timers.equals(storedTimers) ? null : new TimerStore.TicketTimers(facts.ticketId(), facts.branchId(), storedTimers, timers);
    }

    /** As {@code BreachRecorder.resolveEnded}: the wait ends at the call (or cancel), the service at its finish. */
    private static boolean ended(TicketFacts facts, SlaRule rule) {
        return rule == SlaRule.WAIT ? facts.waitEndedAt() != null && facts.issuedAt() != null
                : facts.handlingEndedAt() != null && facts.handlingStartedAt() != null;
    }
}
