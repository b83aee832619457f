package io.hallwatch.counter.metrics;

import io.hallwatch.common.metrics.GaugeTable;
import io.hallwatch.counter.domain.counter.CounterCount;
import io.hallwatch.events.ServiceOutcome;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import io.prometheus.client.Summary;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * The counters' figures for Prometheus; tags branch, business type, outcome, reason, status: all
 * bounded, but thousands of series at 1,000 branches. So, as the queue-service's TicketMetrics
 * (which says why), they are the Prometheus client's own labelled metrics rather than Micrometer
 * meters, registered with the registry that {@code /q/metrics} scrapes.
 */
@ApplicationScoped
public class CounterMetrics {
    /** A bucket at each limit of the service standard, so "share within limit" is a bucket ratio. */
    private static final double[] LIMITS_SECONDS = {120, 300, 480, 600, 900};

    private final Counter services;
    private final Histogram handling;
    private final Counter pauses;
    private final Summary pauseLengths;
    /* Four rows per branch, recounted together: a table, not a metric per row (GaugeTable). */
    private final GaugeTable counters;

    CounterMetrics(PrometheusMeterRegistry registry) {
        CollectorRegistry prometheus = registry.getPrometheusRegistry();
        this.services = Counter.build("hallwatch_services", "Services finished")
                .labelNames("branch", "business_type", "outcome").withoutExemplars().register(prometheus);
        this.handling = Histogram.build("hallwatch_service_handling_seconds", "Handling time from service start to finish")
                .labelNames("branch", "business_type").buckets(LIMITS_SECONDS).withoutExemplars().register(prometheus);
        // Not hallwatch_counter_pause*: promtool reads a "_counter_" in a name as the metric's type.
        this.pauses = Counter.build("hallwatch_clerk_pauses", "Clerks' pauses ended, by reason and whether they ran over the limit")
                .labelNames("branch", "reason", "over_limit").withoutExemplars().register(prometheus);
        this.pauseLengths = Summary.build("hallwatch_clerk_pause_seconds", "Length of clerks' pauses at their counters")
                .labelNames("branch", "reason").register(prometheus);
        this.counters = GaugeTable.register(registry, "hallwatch_counters", "Counters by status, per branch", "branch", "status");
    }

    public void finished(String branch, String businessType, ServiceOutcome outcome, Duration handled) {
        services.labels(branch, businessType, outcome.name()).inc();
        handling.labels(branch, businessType).observe(handled.toMillis() / 1000.0);
    }

    public void paused(String branch, String reason, boolean overLimit, Duration length) {
        pauses.labels(branch, reason, Boolean.toString(overLimit)).inc();
        pauseLengths.labels(branch, reason).observe(length.toMillis() / 1000.0);
    }

    /** Replaces the counters-by-status figures with a fresh count (service.counter.CounterCountRefresh). */
    public void counters(List<CounterCount> counts) {
        counters.replace(counts.stream().map(c -> GaugeTable.Row.of(c.count(), c.branchId(), c.status().name())).toList());
    }
}
