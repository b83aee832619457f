package io.hallwatch.web.health;

import io.hallwatch.web.events.duty.SlaFeed;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the duty consoles' SLA feed holds its partitions: a finding published after that reaches them. */
@Readiness
@ApplicationScoped
public class SlaFeedCheck implements HealthCheck {
    private final SlaFeed feed;

    SlaFeedCheck(SlaFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("SLA feed").status(feed.ready()).build();
    }
}
