package io.hallwatch.marketing.moments;

import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.EventHandler;
import io.hallwatch.common.consumer.Transactions;
import io.hallwatch.common.journal.EventJournal;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import io.hallwatch.marketing.hall.HallLedger;
import io.hallwatch.marketing.recommendation.Recommender;
import io.hallwatch.marketing.recovery.WaitBreaches;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Records the service moments marketing reacts to and hands them on: tickets keep the live queue a
 * pitch is sized to, a service start makes the recommendation, a long-wait breach calls for
 * recovery. One consumer for the three topics, each event applied once with everything it causes.
 */
@ApplicationScoped
public class MomentRecorder {
    /** Consumer group and dedupe key; changing it would re-apply every retained event. */
    public static final String CONSUMER = "marketing-moments";

    private final EventJournal journal;
    private final HallLedger hall;
    private final WaitBreaches breaches;
    private final Recommender recommender;
    private final EntityManager em;

    MomentRecorder(EventJournal journal, HallLedger hall, WaitBreaches breaches, Recommender recommender, EntityManager em) {
        this.journal = journal;
        this.hall = hall;
        this.breaches = breaches;
        this.recommender = recommender;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event, EventConsumers consumers) {
        // A poll per transaction: one commit for up to max-poll-records events instead of one each,
        // which is what kept this consumer's lag growing from 50 branches on (bench/README.md, 4).
        consumers.start(CONSUMER, List.of(Topics.TICKETS, Topics.SERVICES, Topics.SLA),
                EventHandler.flushedAfterEach(this::apply, () -> {
                    em.flush();
                    em.clear();
                }), Transactions.PER_POLL);
    }

    void apply(CloudEvent<?> event) {
        journal.record(event);
        if (event.data() instanceof TicketEvent ticket) {
            hall.apply(ticket);
        }
        if (event.data() instanceof TicketIssued issued && issued.customerRef() != null) {
            recommender.customerKnown(issued.ticketId());
        } else if (event.data() instanceof ServiceStarted started) {
            recommender.serviceStarted(started);
        } else if (event.data() instanceof ServiceFinished finished) {
            recommender.serviceFinished(finished);
        } else if (event.data() instanceof SlaBreached breach && breaches.record(breach)) {
            recommender.waitBreached(breach.ticketId());
        }
    }
}
