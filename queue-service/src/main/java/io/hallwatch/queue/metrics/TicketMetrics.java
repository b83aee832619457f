package io.hallwatch.queue.metrics;

import io.hallwatch.common.metrics.GaugeTable;
import io.hallwatch.queue.domain.queue.WaitingCount;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The queue's figures for Prometheus. Tags are branch and business type only: bounded, but 8,000
 * pairs at 1,000 branches, each with a counter and two histograms. As Micrometer meters each was
 * about 1.6 kB (its id, tags, bucket config, a max window, the registry's maps), and more again
 * through the global composite: at 1,000 branches they grew the live heap by 12 MB in the first
 * simulated hours of benchmark 4 (bench/README.md, "4. Scale"). So they are the Prometheus
 * client's own labelled metrics, registered with the registry that {@code /q/metrics} scrapes: a
 * child per pair of a few adders. Same names and labels as before; the client adds a
 * {@code _created} series per child, and there is no {@code _max}.
 */
@ApplicationScoped
public class TicketMetrics {
    private static final double[] WAIT_SLO_SECONDS = {300, 600, 900, 1200, 1800};
    /** 1, 2, 3 (the ±3 minutes target), 5 and 10 minutes. */
    private static final double[] ESTIMATE_ERROR_SECONDS = {60, 120, 180, 300, 600};

    private final Counter issued;
    private final Histogram waits;
    private final Counter judgedWaits;
    private final Counter closedUnserved;
    private final Histogram estimateErrors;
    private final Counter estimateLate;
    private final Counter estimateEarly;
    /* A row per branch and business type, recounted together: tables, not a metric per row (GaugeTable). */
    private final GaugeTable waiting;
    private final GaugeTable oldestWait;

    TicketMetrics(PrometheusMeterRegistry registry) {
        CollectorRegistry prometheus = registry.getPrometheusRegistry();
        this.issued = Counter.build("hallwatch_tickets_issued", "Tickets issued")
                .labelNames("branch", "business_type").withoutExemplars().register(prometheus);
        this.waits = Histogram.build("hallwatch_ticket_wait_seconds", "Wait from issue to first call")
                .labelNames("branch", "business_type").buckets(WAIT_SLO_SECONDS).withoutExemplars().register(prometheus);
        this.closedUnserved = Counter.build("hallwatch_tickets_closed_unserved",
                        "Tickets closed unserved at the end of the service day (BRANCH_CLOSED): customers not served")
                .labelNames("branch", "business_type").withoutExemplars().register(prometheus);
        this.judgedWaits = Counter.build("hallwatch_ticket_waits",
                        "Waits ended by a call, judged against the ticket's wait limit under the service standard in force")
                .labelNames("branch", "business_type", "within_limit").withoutExemplars().register(prometheus);
        this.estimateErrors = Histogram.build("hallwatch_ticket_eta_error_seconds",
                        "Absolute error of the wait estimate made at issue, measured at call")
                .labelNames("branch", "business_type").buckets(ESTIMATE_ERROR_SECONDS).withoutExemplars().register(prometheus);
        // The bias in two counters that only grow: (late - early) / the histogram's count.
        this.estimateLate = Counter.build("hallwatch_ticket_eta_late_seconds",
                        "Seconds customers waited beyond the estimate they were given at issue")
                .labelNames("branch", "business_type").withoutExemplars().register(prometheus);
        this.estimateEarly = Counter.build("hallwatch_ticket_eta_early_seconds",
                        "Seconds customers were called before the estimate they were given at issue")
                .labelNames("branch", "business_type").withoutExemplars().register(prometheus);
        this.waiting = GaugeTable.register(registry, "hallwatch_tickets_waiting",
                "Customers waiting now, per branch and business type", "branch", "business_type");
        this.oldestWait = GaugeTable.register(registry, "hallwatch_tickets_oldest_wait_seconds",
                "How long the longest-waiting customer has waited, per branch and business type", "branch", "business_type");
    }

    public void issued(String branch, String businessType) {
        issued.labels(branch, businessType).inc();
    }

    public void closedUnserved(String branch, String businessType) {
        closedUnserved.labels(branch, businessType).inc();
    }

    public void called(String branch, String businessType, Duration waited, Duration waitLimit, long estimatedSeconds) {
        waits.labels(branch, businessType).observe(waited.toMillis() / 1000.0);
        // Reaching the limit is a breach (the monitor's rule): within means strictly under it.
        judgedWaits.labels(branch, businessType, Boolean.toString(waited.compareTo(waitLimit) < 0)).inc();
        double error = waited.toMillis() / 1000.0 - estimatedSeconds;
        estimateErrors.labels(branch, businessType).observe(Math.abs(error));
        (error >= 0 ? estimateLate : estimateEarly).labels(branch, businessType).inc(Math.abs(error));
    }

    /**
     * Replaces the waiting-now gauges with a fresh count of every branch and business type
     * ({@code service.queue.QueueFigures} recounts them from the database, so that every replica
     * reports the same truth).
     */
    public void waitingNow(List<WaitingCount> counts, Instant now) {
        waiting.replace(counts.stream().map(c -> GaugeTable.Row.of(c.waiting(), c.branchId(), c.businessType())).toList());
        oldestWait.replace(counts.stream().map(c -> GaugeTable.Row.of(
                (double) c.oldestWaitSeconds(now), c.branchId(), c.businessType())).toList());
    }
}
