package io.hallwatch.sla.events.alerting;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.common.consumer.ConsumerLoop;
import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.Transactions;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.domain.alerting.UnroutedWarnings;
import io.hallwatch.sla.metrics.AlertingMetrics;
import io.hallwatch.sla.service.alerting.AlertDispatcher;
import io.hallwatch.sla.store.alerting.AlertStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/** Reads {@code hallwatch.sla.v1}: each breach becomes a page or joins its branch's group, once. */
@ApplicationScoped
public class AlertConsumer {
    /** Consumer group and dedupe key. */
    public static final String CONSUMER = "sla-alerting";

    private final EventConsumers consumers;
    private final AlertStore store;
    private final AlertDispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final AlertingConfig config;
    private final Clock clock;
    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);

    private final AlertingMetrics metrics;
    private final UnroutedWarnings unroutedWarnings;
    private ConsumerLoop loop;

    AlertConsumer(EventConsumers consumers, AlertStore store, AlertDispatcher dispatcher, AfterCommit afterCommit,
                  AlertingConfig config, AlertingMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.unroutedWarnings = new UnroutedWarnings(config.unroutedWarningEvery());
        this.consumers = consumers;
        this.store = store;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
        this.config = config;
        this.clock = clock;
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
        if (!(event.data() instanceof SlaBreached b)) {
            return;
        }
        switch (store.onBreach(b, clock.instant())) {
            case PAGED -> afterCommit.run(dispatcher::wake);
            case UNROUTED -> afterCommit.run(() -> {
                metrics.unrouted(b.branchId());
                if (unroutedWarnings.shouldWarn(b.branchId(), clock.instant())) {
                    LOG.warnf("SLA breach at branch %s paged nobody: the branch has no duty roster (alert kept as UNROUTED;"
                            + " PUT /api/v1/branches/%s/duty-roster). Next warning for this branch in %s at the earliest",
                            b.branchId(), b.branchId(), config.unroutedWarningEvery());
                }
            });
            case NOTHING -> {
            }
        }
    }
}
