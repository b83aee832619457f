package io.hallwatch.marketing.moments;

import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.EventHandler;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import io.hallwatch.marketing.hall.HallLedger;
import io.hallwatch.marketing.hall.LiveHall;
import io.hallwatch.marketing.recommendation.Recommender;
import io.hallwatch.marketing.recovery.WaitBreaches;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Records the service moments marketing reacts to and hands them on: tickets keep the live queue a
 * pitch is sized to, a service start makes the recommendation, a long-wait breach calls for
 * recovery. One consumer for the three topics, each event applied once with everything it causes.
 * A poll is applied at once: journaled in one statement, what its events touch read in a few
 * queries ({@link PollScope}), the events applied in order in memory, and Hibernate's writes sent
 * in JDBC batches at the one flush of the poll's transaction.
 */
@ApplicationScoped
public class MomentRecorder implements EventHandler {
    /** Consumer group and dedupe key; changing it would re-apply every retained event. */
    public static final String CONSUMER = "marketing-moments";

    private final HallLedger hall;
    private final WaitBreaches breaches;
    private final Recommender recommender;

    MomentRecorder(HallLedger hall, WaitBreaches breaches, Recommender recommender) {
        this.hall = hall;
        this.breaches = breaches;
        this.recommender = recommender;
    }

    void onStart(@Observes StartupEvent event, EventConsumers consumers) {
        // A poll per transaction, applied together: at ten round trips an event, one at a time,
        // this consumer fell behind from 50 branches on (bench/README.md, 4). The journal, written
        // from the records' values in one statement a poll, is also the consumer's dedupe record:
        // this is the service's one consumer, and it journals every event it applies.
        consumers.startJournaled(CONSUMER, List.of(Topics.TICKETS, Topics.SERVICES, Topics.SLA), this, 1);
    }

    /** One event in its own transaction: the path of a poll that failed, taken one event at a time. */
    @Override
    public void handle(CloudEvent<?> event) {
        apply(List.of(event));
    }

    /** The poll's first deliveries, already journaled by the consumer loop. */
    @Override
    public void handleAll(List<CloudEvent<?>> events) {
        apply(events);
    }

    void apply(List<CloudEvent<?>> events) {
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
