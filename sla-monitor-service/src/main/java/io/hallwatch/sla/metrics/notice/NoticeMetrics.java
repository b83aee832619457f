package io.hallwatch.sla.metrics.notice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** {@code hallwatch_turn_notices_sent_total{outcome}}: one tag, three values; never a branch, ticket or number. */
@ApplicationScoped
public class NoticeMetrics {
    public static final List<String> OUTCOMES = List.of("sent", "retry", "failed");

    private final MeterRegistry registry;

    NoticeMetrics(MeterRegistry registry) {
        this.registry = registry;
        OUTCOMES.forEach(o -> counter(o)); // every outcome shows 0 before it first happens
    }

    /** {@code outcome}: sent, retry (a retriable failure, tried again later), failed (given up, number erased). */
    public void attempt(String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("hallwatch_turn_notices_sent_total")
                .description("\"Your turn is near\" SMS attempts by outcome (sent, retry, failed)")
                .tag("outcome", outcome).register(registry);
    }
}
