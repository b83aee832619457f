package io.hallwatch.sla.events.timeline;

import io.hallwatch.common.consumer.ConsumerLoop;
import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.EventHandler;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.service.alerting.StaffingAlerts;
import io.hallwatch.sla.service.detection.TicketEventDetector;
import io.hallwatch.sla.service.notice.TurnNotices;
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
    private final TicketEventDetector detector;
    private final SlaConfig config;
    private final StaffingAlerts staffing;
    private final TurnNotices turnNotices;
    private List<ConsumerLoop> members = List.of();

    TimelineRecorder(EventConsumers consumers, TicketEventDetector detector, SlaConfig config, StaffingAlerts staffing,
                     TurnNotices turnNotices) {
        this.consumers = consumers;
        this.detector = detector;
        this.config = config;
        this.staffing = staffing;
        this.turnNotices = turnNotices;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    public synchronized void start() {
        if (members.isEmpty()) {
            // A poll per transaction: the journal and the detection write through plain JDBC on the
            // transaction's connection, so each event sees the ones before it (benchmark 2 measured
            // the commit per event as the monitor's bottleneck), and the whole poll goes to the
            // detection at once, which shares its round trips between the poll's events. The
            // journal, written from the records' values, is also the consumer's dedupe record.
            members = consumers.startJournaled(CONSUMER, List.of(Topics.TICKETS, Topics.SERVICES), new EventHandler() {
                @Override
                public void handle(CloudEvent<?> event) {
                    handleAll(List.of(event));
                }

                @Override
                public void handleAll(List<CloudEvent<?>> events) {
                    detector.applyAll(events);
                    staffing.onAll(events);
                    turnNotices.onAll(events);
                }
            }, config.timelineConsumers());
        }
    }

    /** Leaves the consumer group, as a stopped instance would (all its members); {@link #start()} joins it again. */
    public synchronized void stop() {
        members.forEach(ConsumerLoop::stop);
        members = List.of();
    }

}
