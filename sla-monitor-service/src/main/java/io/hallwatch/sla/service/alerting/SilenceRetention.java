package io.hallwatch.sla.service.alerting;

import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.store.alerting.AlertStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Purges alerts, their breaches, notifications and delivery log, used acknowledgement links and
 * past silences older than {@code hallwatch.alerting.retention} (90 days), measured on the platform clock.
 */
@ApplicationScoped
public class AlertRetention {
    private static final Logger LOG = Logger.getLogger(AlertRetention.class);

    private final AlertStore store;
    private final AlertingConfig config;
    private final Clock clock;

    AlertRetention(AlertStore store, AlertingConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${hallwatch.alerting.retention-interval:1h}", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            purge();
        }
    }

    /** Purges what is older than the retention now; returns the number of alerts deleted. */
    @Transactional
    public int purge() {
        Instant before = clock.instant().minus(config.retention());
        int alerts = store.purge(before);
        if (alerts > 0) {
            LOG.infof("Alert retention: %d alerts created before %s purged with their notifications and delivery log", alerts, before);
        }
        return alerts;
    }
}
