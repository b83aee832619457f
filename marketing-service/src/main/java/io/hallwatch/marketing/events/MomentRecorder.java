package io.hallwatch.marketing.events;

import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.EventHandler;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.Topics;
import io.hallwatch.marketing.service.moments.Moments;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The consumer of the service moments marketing reacts to: one consumer group for the tickets,
 * services and SLA topics, each event journaled and applied once with everything it causes
 * ({@link Moments}). A poll is applied at once, in one transaction; a poll that fails is applied
 * again one event at a time by common's consumer loop, which dead-letters a poison event.
 */
@ApplicationScoped
public class MomentRecorder implements EventHandler {
    /** Consumer group and dedupe key; changing it would re-apply every retained event. */
    public static final String CONSUMER = "marketing-moments";

    private final Moments moments;

    MomentRecorder(Moments moments) {
        this.moments = moments;
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
        moments.apply(List.of(event));
    }

    /** The poll's first deliveries, already journaled by the consumer loop. */
    @Override
    public void handleAll(List<CloudEvent<?>> events) {
        moments.apply(events);
    }
}
