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
    /**
     * Minutes from one to half an hour, for the handling-time quantiles. Not the standard's limits: the
     * share within limit is counted against the limit in force ({@code hallwatch_service_handlings_total}).
     */
    private static final double[] HANDLING_SECONDS = {60, 120, 180, 300, 420, 600, 900, 1200, 1800};

    private final Counter services;
    private final Histogram handling;
    private final Counter judged;
    private final Counter pauses;
    private final Summary pauseLengths;
    /* Four rows per branch, recounted together: a table, not a metric per row (GaugeTable). */
    private final GaugeTable counters;

    CounterMetrics(PrometheusMeterRegistry registry) {
        CollectorRegistry prometheus = registry.getPrometheusRegistry();
        this.services = Counter.build("hallwatch_services", "Services finished")
                .labelNames("branch", "business_type", "outcome").withoutExemplars().register(prometheus);
        this.handling = Histogram.build("hallwatch_service_handling_seconds", "Handling time from service start to finish")
                .labelNames("branch", "business_type").buckets(HANDLING_SECONDS).withoutExemplars().register(prometheus);
        this.judged = Counter.build("hallwatch_service_handlings",
                        "Services finished, judged against the handling limit of the service standard in force")
                .labelNames("branch", "business_type", "within_limit").withoutExemplars().register(prometheus);
        // Not hallwatch_counter_pause*: promtool reads a "_counter_" in a name as the metric's type.
        this.pauses = Counter.build("hallwatch_clerk_pauses", "Clerks' pauses ended, by reason and whether they ran over the limit")
                .labelNames("branch", "reason", "over_limit").withoutExemplars().register(prometheus);
        this.pauseLengths = Summary.build("hallwatch_clerk_pause_seconds", "Length of clerks' pauses at their counters")
                .labelNames("branch", "reason").register(prometheus);
        this.counters = GaugeTable.register(registry, "hallwatch_counters", "Counters by status, per branch", "branch", "status");
    }

    public void finished(String branch, String businessType, ServiceOutcome outcome, Duration handled, Duration limit) {
        services.labels(branch, businessType, outcome.name()).inc();
        handling.labels(branch, businessType).observe(handled.toMillis() / 1000.0);
        // Reaching the limit is a breach (the monitor's rule): within means strictly under it.
        judged.labels(branch, businessType, Boolean.toString(handled.compareTo(limit) < 0)).inc();
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
