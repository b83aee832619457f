package io.hallwatch.sla.timeline;

import io.hallwatch.common.consumer.ConsumerLoop;
import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.EventHandler;
import io.hallwatch.common.consumer.Transactions;
import io.hallwatch.common.journal.EventJournal;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.detection.TicketEventDetector;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Keeps every ticket's timeline: each ticket and service event, once, in event time, and in the
 * same transaction the SLA detection's view of the ticket. A replay of the same events gives the
 * same result.
 */
@ApplicationScoped
public class TimelineRecorder {
    /** Consumer group and dedupe key; changing it would re-apply every retained event. */
    public static final String CONSUMER = "sla-monitor-timeline";

    private final EventConsumers consumers;
    private final EventJournal journal;
    private final TicketEventDetector detector;
    private ConsumerLoop loop;

    TimelineRecorder(EventConsumers consumers, EventJournal journal, TicketEventDetector detector) {
        this.consumers = consumers;
        this.journal = journal;
        this.detector = detector;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    public synchronized void start() {
        if (loop == null) {
            // A poll per transaction: the journal and the detection write through plain JDBC on the
            // transaction's connection, so each event sees the ones before it (benchmark 2 measured
            // the commit per event as the monitor's bottleneck), and the whole poll goes to the
            // detection at once, which shares its round trips between the poll's events.
            loop = consumers.start(CONSUMER, List.of(Topics.TICKETS, Topics.SERVICES), new EventHandler() {
                @Override
                public void handle(CloudEvent<?> event) {
                    journal.record(event);
                    detector.applyAll(List.of(event));
                }

                /** Journaled as the records' values in one batch, then detected together, each seeing the ones before it. */
                @Override
                public void handleAll(List<CloudEvent<?>> events, List<byte[]> values) {
                    journal.recordAll(events, values);
                    detector.applyAll(events);
                }
            }, Transactions.PER_POLL);
        }
    }

    /** Leaves the consumer group, as a stopped instance would; {@link #start()} joins it again. */
    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }

}
