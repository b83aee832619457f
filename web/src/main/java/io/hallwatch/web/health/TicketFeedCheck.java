package io.hallwatch.web.health;

import io.hallwatch.web.events.display.TicketFeed;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the hall displays' ticket feed holds its partitions: a call made after that reaches them. */
@Readiness
@ApplicationScoped
public class TicketFeedCheck implements HealthCheck {
    private final TicketFeed feed;

    TicketFeedCheck(TicketFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Ticket feed").status(feed.ready()).build();
    }
}
