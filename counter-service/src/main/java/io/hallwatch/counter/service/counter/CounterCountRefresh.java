package io.hallwatch.counter.service.counter;

import io.hallwatch.counter.metrics.CounterMetrics;
import io.hallwatch.counter.store.counter.CounterStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Recounts the counters by status for {@code hallwatch_counters} every {@code hallwatch.counter.metrics-refresh}. */
@ApplicationScoped
public class CounterCountRefresh {

    private final CounterStore counters;
    private final CounterMetrics metrics;

    CounterCountRefresh(CounterStore counters, CounterMetrics metrics) {
        this.counters = counters;
        this.metrics = metrics;
    }

    @Scheduled(every = "${hallwatch.counter.metrics-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        metrics.counters(counters.countByStatus());
    }
}
