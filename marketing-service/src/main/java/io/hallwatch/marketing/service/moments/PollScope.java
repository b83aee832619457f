package io.hallwatch.marketing.service.moments;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.marketing.service.recommendation.Recommender;
import io.hallwatch.marketing.store.hall.LiveHall;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a poll of events can touch, worked out from the events before any is applied, so that it
 * is read in one query per table instead of once per event: the tickets (the hall's rows), the
 * tickets whose advice may change (service starts and finishes, a customer reference on an issue,
 * a wait breach), the counters a service starts at, and the branches whose load a service start
 * reads, from the earliest start on.
 */
record PollScope(Set<String> tickets, Set<String> adviceTickets, Set<Recommender.Counter> counters,
                 Set<String> countedBranches, Instant countedFrom, Set<String> issuedCustomerRefs) {

    static PollScope of(List<CloudEvent<?>> events) {
        Set<String> tickets = new HashSet<>();
        Set<String> adviceTickets = new HashSet<>();
        Set<Recommender.Counter> counters = new HashSet<>();
        Set<String> countedBranches = new HashSet<>();
        Set<String> issuedCustomerRefs = new HashSet<>();
        Instant countedFrom = null;
        for (CloudEvent<?> event : events) {
            if (event.data() instanceof TicketEvent t) {
                tickets.add(t.ticketId());
            }
            if (event.data() instanceof TicketIssued issued && issued.customerRef() != null) {
                adviceTickets.add(issued.ticketId());
                issuedCustomerRefs.add(issued.customerRef());
            } else if (event.data() instanceof ServiceStarted started) {
                adviceTickets.add(started.ticketId());
                counters.add(new Recommender.Counter(started.branchId(), started.counterId()));
                countedBranches.add(started.branchId());
                countedFrom = countedFrom == null || started.startedAt().isBefore(countedFrom) ? started.startedAt() : countedFrom;
            } else if (event.data() instanceof ServiceFinished finished) {
                adviceTickets.add(finished.ticketId());
            } else if (event.data() instanceof SlaBreached breach && breach.rule() == SlaRule.WAIT && breach.ticketId() != null) {
                // Re-advice after a breach reads the ticket's customer and wait from the hall too.
                adviceTickets.add(breach.ticketId());
                tickets.add(breach.ticketId());
            }
        }
        return new PollScope(Set.copyOf(tickets), Set.copyOf(adviceTickets), Set.copyOf(counters),
                Set.copyOf(countedBranches), countedFrom, Set.copyOf(issuedCustomerRefs));
    }

    /** The customers the advice tickets may be: as the hall knew them before the poll, or as its issues name them. */
    Set<String> customerRefs(LiveHall hall) {
        Set<String> refs = new HashSet<>(issuedCustomerRefs);
        adviceTickets.forEach(t -> hall.customerRef(t).ifPresent(refs::add));
        return refs;
    }
}
