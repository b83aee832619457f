package io.hallwatch.sla.events.alerting;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.common.consumer.ConsumerLoop;
import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.Transactions;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.service.alerting.AlertDispatcher;
import io.hallwatch.sla.service.alerting.AlertPaging;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/** Reads {@code hallwatch.sla.v1}: each breach becomes a page or joins its branch's group, once. */
@ApplicationScoped
public class AlertConsumer {
    /** Consumer group and dedupe key. */
    public static final String CONSUMER = "sla-alerting";

    private final EventConsumers consumers;
    private final AlertPaging paging;
    private final AlertDispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final AlertingConfig config;
    private ConsumerLoop loop;

    AlertConsumer(EventConsumers consumers, AlertPaging paging, AlertDispatcher dispatcher, AfterCommit afterCommit,
                  AlertingConfig config) {
        this.consumers = consumers;
        this.paging = paging;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (loop == null) {
            // A poll per transaction (its store works through plain JDBC on the transaction's
            // connection, so each breach sees the ones before it): a replay or a burst of breaches
            // cost a commit, a WAL flush, each, which benchmark 2 found contending with the
            // timeline's own commits on the same disk.
            loop = consumers.start(CONSUMER, List.of(Topics.SLA), this::apply, Transactions.PER_POLL);
        }
    }

    /** Leaves the consumer group, as a stopped instance would; {@link #start()} joins it again. */
    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }

    private void apply(CloudEvent<?> event) {
        // Warnings and clears page nobody; a new page is sent at once, once committed.
        if (event.data() instanceof SlaBreached b && paging.onBreach(event.id(), b) == AlertPaging.Recorded.PAGED) {
            afterCommit.run(dispatcher::wake);
        }
    }
}
