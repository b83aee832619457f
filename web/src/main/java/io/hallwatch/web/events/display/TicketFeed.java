package io.hallwatch.web.events.display;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.Topics;
import io.hallwatch.web.domain.display.Announcement;
import io.hallwatch.web.events.feed.TopicFeed;
import io.hallwatch.web.service.display.DisplayHub;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code hallwatch.tickets.v1} for the hall displays ({@link TopicFeed}: a group of this
 * instance's own, from the latest record). Calls and recalls go to {@link DisplayHub} to be shown
 * and announced; other ticket events only tell the branch's displays to read the queue again.
 */
@ApplicationScoped
public class TicketFeed {
    private final DisplayHub hub;
    private final String bootstrap;
    private volatile TopicFeed feed;

    TicketFeed(DisplayHub hub, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.hub = hub;
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent ignored) {
        feed = new TopicFeed(bootstrap, Topics.TICKETS, "ticket feed for the hall displays", this::apply);
        feed.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (feed != null) {
            feed.stop();
        }
    }

    /** Whether the feed holds its partitions, positioned: from then on every call reaches the displays. */
    public boolean ready() {
        return feed != null && feed.ready();
    }

    void apply(CloudEvent<?> event) {
        if (event.data() instanceof TicketCalled c) {
            hub.called(new Announcement(c.branchId(), c.ticketNumber(), c.businessType(), c.counterId(), 0, c.calledAt()));
        } else if (event.data() instanceof TicketRecalled r) {
            hub.called(new Announcement(r.branchId(), r.ticketNumber(), r.businessType(), r.counterId(), r.recallCount(), r.recalledAt()));
        }
        if (event.data() instanceof TicketEvent t) {
            hub.queueChanged(t.branchId());
        }
    }
}
