package io.hallwatch.queue.events.handling;

import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.Transactions;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CounterPaused;
import io.hallwatch.events.CounterResumed;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.Topics;
import io.hallwatch.queue.service.handling.HandlingService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Follows the counters' services (hallwatch.services.v1) and hands each started or finished
 * service to {@link HandlingService}: the ticket becomes SERVING or DONE, and every finished
 * service teaches the handling-time mean the wait estimates use; a counter's pause and resume tell
 * the wait forecast when that counter will call again. Other event types are ignored.
 */
@ApplicationScoped
public class ServiceProgress {
    /** Consumer group and dedupe key; keep it stable. */
    public static final String CONSUMER = "queue-service-progress";

    private final HandlingService handling;

    ServiceProgress(HandlingService handling) {
        this.handling = handling;
    }

    void onStart(@Observes StartupEvent event, EventConsumers consumers) {
        // A poll per transaction: one commit for up to max-poll-records events instead of one each,
        // which is what kept this consumer's lag growing at 50 branches (bench/README.md, 4).
        consumers.start(CONSUMER, List.of(Topics.SERVICES), this::apply, Transactions.PER_POLL);
    }

    void apply(CloudEvent<?> event) {
        if (event.data() instanceof ServiceStarted started) {
            handling.started(started);
        } else if (event.data() instanceof ServiceFinished finished) {
            handling.finished(finished);
        } else if (event.data() instanceof CounterPaused paused) {
            handling.paused(paused);
        } else if (event.data() instanceof CounterResumed resumed) {
            handling.resumed(resumed);
        }
    }
}
