package io.hallwatch.sla.service.alerting;

import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.store.alerting.SilenceStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes the silences that ended more than {@code hallwatch.alerting.retention} (90 days) ago on the platform clock.
 * The alerts, their breaches, notifications, delivery attempts and used links are not deleted here: they go with their
 * day's partition ({@code store.retention.MonitorTables}), after the same 90 days by default.
 */
@ApplicationScoped
public class SilenceRetention {
    private static final Logger LOG = Logger.getLogger(SilenceRetention.class);

    private final SilenceStore silences;
    private final AlertingConfig config;
    private final Clock clock;

    SilenceRetention(SilenceStore silences, AlertingConfig config, Clock clock) {
        this.silences = silences;
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

    /** Deletes the silences over before the retention; returns how many. */
    @Transactional
    public int purge() {
        Instant before = clock.instant().minus(config.retention());
        int purged = silences.purge(before);
        if (purged > 0) {
            LOG.infof("Silence retention: %d silences that ended before %s deleted", purged, before);
        }
        return purged;
    }
}
