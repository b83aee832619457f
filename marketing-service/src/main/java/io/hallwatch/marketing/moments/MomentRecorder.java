package io.hallwatch.marketing.moments;

import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.journal.EventJournal;
import io.hallwatch.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Records the service moments marketing reacts to: tickets (the live queue a pitch is sized to),
 * services (where a recommendation is made) and SLA events (long waits that call for recovery).
 */
@ApplicationScoped
public class MomentRecorder {
    /** Consumer group and dedupe key; changing it would re-apply every retained event. */
    public static final String CONSUMER = "marketing-moments";

    void onStart(@Observes StartupEvent event, EventConsumers consumers, EventJournal journal) {
        consumers.start(CONSUMER, List.of(Topics.TICKETS, Topics.SERVICES, Topics.SLA), journal::record);
    }
}
