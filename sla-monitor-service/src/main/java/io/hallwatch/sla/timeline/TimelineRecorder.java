package io.hallwatch.sla.timeline;

import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.journal.EventJournal;
import io.hallwatch.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Keeps every ticket's timeline: each ticket and service event, once, in event time. SLA
 * detection evaluates against this timeline, so a replay of the same events gives the same result.
 */
@ApplicationScoped
public class TimelineRecorder {
    /** Consumer group and dedupe key; changing it would re-apply every retained event. */
    public static final String CONSUMER = "sla-monitor-timeline";

    void onStart(@Observes StartupEvent event, EventConsumers consumers, EventJournal journal) {
        consumers.start(CONSUMER, List.of(Topics.TICKETS, Topics.SERVICES), journal::record);
    }
}
