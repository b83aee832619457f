package io.hallwatch.queue.ticket;

import io.hallwatch.common.SqlTimes;
import io.hallwatch.common.metrics.GaugeTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The queue's figures for Prometheus. Tags are branch and business type only: bounded, but 8,000
 * pairs at 1,000 branches. So the meters are registered with the Prometheus registry itself rather
 * than the global composite, whose own meter, id and tags over each Prometheus one doubled what
 * they cost (bench/README.md, "4. Scale"); Prometheus is the only registry the services export to.
 */
@ApplicationScoped
public class TicketMetrics {
    private static final Duration[] WAIT_SLO = {
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(20), Duration.ofMinutes(30)};

    private final PrometheusMeterRegistry registry;
    private final EntityManager em;
    private final Clock clock;
    /* A row per branch and business type, 8,000 at 1,000 branches: tables, not a meter per row (GaugeTable). */
    private final GaugeTable waiting;
    private final GaugeTable oldestWait;

    TicketMetrics(PrometheusMeterRegistry registry, EntityManager em, Clock clock) {
        this.registry = registry;
        this.em = em;
        this.clock = clock;
        this.waiting = GaugeTable.register(registry, "hallwatch_tickets_waiting",
                "Customers waiting now, per branch and business type", "branch", "business_type");
        this.oldestWait = GaugeTable.register(registry, "hallwatch_tickets_oldest_wait_seconds",
                "How long the longest-waiting customer has waited, per branch and business type", "branch", "business_type");
    }

    void issued(String branch, String businessType) {
        Counter.builder("hallwatch.tickets.issued").description("Tickets issued")
                .tags("branch", branch, "business_type", businessType).register(registry).increment();
    }

    void called(String branch, String businessType, Duration waited, int estimatedMinutes) {
        Timer.builder("hallwatch.ticket.wait").description("Wait from issue to first call")
                .tags("branch", branch, "business_type", businessType)
                .serviceLevelObjectives(WAIT_SLO)
                .register(registry).record(waited);
        DistributionSummary.builder("hallwatch.ticket.eta.error").baseUnit("minutes")
                .description("Absolute error of the wait estimate made at issue, measured at call")
                .tags("branch", branch, "business_type", businessType)
                .serviceLevelObjectives(1, 2, 5, 10)
                .register(registry).record(Math.abs(waited.toSeconds() / 60.0 - estimatedMinutes));
    }

    /** Waiting counts come from the database, so every replica reports the same truth. */
    @Scheduled(every = "${hallwatch.queue.metrics-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshWaiting() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT bt.branch_id, bt.business_type_code, count(w.id), min(w.issued_at)
                FROM branch_business_type bt
                LEFT JOIN ticket w ON w.branch_id = bt.branch_id AND w.business_type = bt.business_type_code
                                   AND w.status = 'WAITING'
                GROUP BY bt.branch_id, bt.business_type_code""").getResultList();
        Instant now = clock.instant();
        waiting.replace(rows.stream().map(r -> GaugeTable.Row.of(((Number) r[2]).doubleValue(), (String) r[0], (String) r[1])).toList());
        oldestWait.replace(rows.stream().map(r -> GaugeTable.Row.of(
                r[3] == null ? 0.0 : Math.max(0, Duration.between(SqlTimes.toInstant(r[3]), now).toSeconds()),
                (String) r[0], (String) r[1])).toList());
    }
}
