package io.hallwatch.sla.metrics;

import io.hallwatch.sla.domain.alerting.ChannelType;
import io.micrometer.core.instrument.Counter;
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
        Counter.builder("hallwatch_alert_notifications_total")
                .description("Notification attempts to duty managers, by channel and outcome (sent, retry, next_channel, failed)")
                .tags("channel", channel.name(), "branch", branch, "outcome", outcome).register(registry).increment();
    }

    public void firstDelivery(String branch, Duration sinceBreach) {
        Timer.builder("hallwatch_alert_breach_to_first_delivery")
                .description("From a breach's detection to its alert's first message accepted by a provider")
                .tag("branch", branch).publishPercentileHistogram()
                .register(registry).record(sinceBreach.isNegative() ? Duration.ZERO : sinceBreach);
    }

    public void acknowledged(String branch, Duration sinceAlert) {
        Timer.builder("hallwatch_alert_time_to_acknowledge").description("From an alert's creation to its acknowledgement")
                .tag("branch", branch).register(registry)
                .record(sinceAlert.isNegative() ? Duration.ZERO : sinceAlert);
    }

    public void escalated(String branch) {
        Counter.builder("hallwatch_alert_escalations_total")
                .description("Unacknowledged alerts raised to the next level of the escalation chain")
                .tag("branch", branch).register(registry).increment();
    }

    /** A new alert nobody could be paged for (the branch has no roster). */
    public void unrouted(String branch) {
        Counter.builder("hallwatch_alert_unrouted_total")
                .description("Breaches nobody could be paged for: the branch has no duty roster (alerts kept as UNROUTED)")
                .tag("branch", branch).register(registry).increment();
    }
}
