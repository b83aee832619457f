package io.hallwatch.counter.service;

import io.hallwatch.common.metrics.GaugeTable;
import io.hallwatch.events.ServiceOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;

/**
 * The counters' figures for Prometheus; tags branch, business type, outcome, status: all bounded,
 * but thousands of series at 1,000 branches, so registered with the Prometheus registry itself
 * rather than the global composite, which doubles each meter (queue-service's TicketMetrics).
 */
@ApplicationScoped
public class CounterMetrics {
    /** A bucket at each limit of the service standard, so "share within limit" is a bucket ratio. */
    private static final Duration[] LIMITS = {Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(8),
            Duration.ofMinutes(10), Duration.ofMinutes(15)};

    private final PrometheusMeterRegistry registry;
    private final EntityManager em;
    /* Four rows per branch, refreshed together: a table, not a meter per row (GaugeTable). */
    private final GaugeTable counters;

    CounterMetrics(PrometheusMeterRegistry registry, EntityManager em) {
        this.registry = registry;
        this.em = em;
        this.counters = GaugeTable.register(registry, "hallwatch_counters", "Counters by status, per branch", "branch", "status");
    }

    public void finished(String branch, String businessType, ServiceOutcome outcome, Duration handling) {
        Counter.builder("hallwatch.services").description("Services finished")
                .tags("branch", branch, "business_type", businessType, "outcome", outcome.name())
                .register(registry).increment();
        Timer.builder("hallwatch.service.handling").description("Handling time from service start to finish")
                .tags("branch", branch, "business_type", businessType)
                .serviceLevelObjectives(LIMITS)
                .register(registry).record(handling);
    }

    public void paused(String branch, String reason, boolean overLimit, Duration length) {
        Counter.builder("hallwatch.counter.pauses").description("Pauses ended, by reason and whether they ran over the limit")
                .tags("branch", branch, "reason", reason, "over_limit", Boolean.toString(overLimit))
                .register(registry).increment();
        Timer.builder("hallwatch.counter.pause").description("Length of pauses")
                .tags("branch", branch, "reason", reason)
                .register(registry).record(length);
    }

    @Scheduled(every = "${hallwatch.counter.metrics-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT b.branch_id, s.status, count(c.counter_id)
                FROM (SELECT DISTINCT branch_id FROM counter) b
                CROSS JOIN (VALUES ('CLOSED'), ('OPEN'), ('PAUSED'), ('SERVING')) AS s (status)
                LEFT JOIN counter c ON c.branch_id = b.branch_id AND c.status = s.status
                GROUP BY b.branch_id, s.status""").getResultList();
        counters.replace(rows.stream().map(r -> GaugeTable.Row.of(((Number) r[2]).doubleValue(), (String) r[0], (String) r[1])).toList());
    }
}
