package io.hallwatch.queue.service.queue;

import io.hallwatch.queue.metrics.TicketMetrics;
import io.hallwatch.queue.store.ticket.TicketStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Recounts the waiting-now gauges every {@code hallwatch.queue.metrics-refresh}: the counts come
 * from the database, so every replica reports the same truth.
 */
@ApplicationScoped
public class QueueFigures {

    private final TicketStore tickets;
    private final TicketMetrics metrics;
    private final Clock clock;

    QueueFigures(TicketStore tickets, TicketMetrics metrics, Clock clock) {
        this.tickets = tickets;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${hallwatch.queue.metrics-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        var counts = tickets.waitingNow();
        metrics.waitingNow(counts, clock.instant());
    }
}
