package io.hallwatch.sla.metrics;

import io.hallwatch.sla.domain.alerting.ChannelType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Alerting metrics; tags are bounded (channel, branch, outcome), never a person or an address. */
@ApplicationScoped
public class AlertingMetrics {
    private final MeterRegistry registry;

    AlertingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code outcome}: sent, retry, next_channel, failed. */
    public void attempt(ChannelType channel, String branch, String outcome) {
        registry.counter("hallwatch_alert_notifications_total", "channel", channel.name(), "branch", branch, "outcome", outcome).increment();
    }

    public void firstDelivery(String branch, Duration sinceBreach) {
        Timer.builder("hallwatch_alert_breach_to_first_delivery").tag("branch", branch).publishPercentileHistogram()
                .register(registry).record(sinceBreach.isNegative() ? Duration.ZERO : sinceBreach);
    }

    public void acknowledged(String branch, Duration sinceAlert) {
        Timer.builder("hallwatch_alert_time_to_acknowledge").tag("branch", branch).register(registry)
                .record(sinceAlert.isNegative() ? Duration.ZERO : sinceAlert);
    }

    public void escalated(String branch) {
        registry.counter("hallwatch_alert_escalations_total", "branch", branch).increment();
    }

    /** A new alert nobody could be paged for (the branch has no roster). */
    public void unrouted(String branch) {
        registry.counter("hallwatch_alert_unrouted_total", "branch", branch).increment();
    }
}
