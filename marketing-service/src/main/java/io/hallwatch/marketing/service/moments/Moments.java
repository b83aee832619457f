package io.hallwatch.marketing.service.moments;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.marketing.service.recommendation.Recommender;
import io.hallwatch.marketing.store.hall.HallLedger;
import io.hallwatch.marketing.store.hall.LiveHall;
import io.hallwatch.marketing.store.recovery.WaitBreaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Applies the service moments marketing reacts to: tickets keep the live queue a pitch is sized to,
 * a service start makes the recommendation, a long-wait breach calls for recovery. A poll of events
 * is applied at once, in the consumer's transaction: what its events touch read in a few queries
 * ({@link PollScope}), the events applied in order in memory (each seeing the ones before it), and
 * Hibernate's writes sent in JDBC batches at the one flush of the poll's transaction.
 */
@ApplicationScoped
public class Moments {

    private final HallLedger hall;
    private final WaitBreaches breaches;
    private final Recommender recommender;

    Moments(HallLedger hall, WaitBreaches breaches, Recommender recommender) {
        this.hall = hall;
        this.breaches = breaches;
        this.recommender = recommender;
    }

    /** The events of one poll (or one event), in their order, with everything they cause. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<CloudEvent<?>> events) {
        PollScope scope = PollScope.of(events);
        LiveHall live = hall.open(scope.tickets(), scope.countedBranches(), scope.countedFrom());
        WaitBreaches.Known known = breaches.of(scope.adviceTickets());
        Recommender.Advising advising = recommender.advising(live, known, scope.adviceTickets(), scope.counters(),
                scope.customerRefs(live));
        for (CloudEvent<?> event : events) {
            if (event.data() instanceof TicketEvent ticket) {
                live.apply(ticket);
            }
            if (event.data() instanceof TicketIssued issued && issued.customerRef() != null) {
                advising.customerKnown(issued.ticketId());
            } else if (event.data() instanceof ServiceStarted started) {
                advising.serviceStarted(started);
            } else if (event.data() instanceof ServiceFinished finished) {
                advising.serviceFinished(finished);
            } else if (event.data() instanceof SlaBreached breach && known.record(breach)) {
                advising.waitBreached(breach.ticketId());
            }
        }
        live.persistCreated();
        advising.persistCreated();
    }
}
