package io.hallwatch.web.events.duty;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.Topics;
import io.hallwatch.web.domain.duty.ConsoleFinding;
import io.hallwatch.web.events.feed.TopicFeed;
import io.hallwatch.web.service.duty.DutyHub;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code hallwatch.sla.v1} for the duty-manager consoles ({@link TopicFeed}: a group of this
 * instance's own, from the latest record): each {@code SlaWarning}, {@code SlaBreached} and
 * {@code SlaCleared} goes to the branch's consoles through {@link DutyHub}.
 */
@ApplicationScoped
public class SlaFeed {
    private final DutyHub hub;
    private final String bootstrap;
    private volatile TopicFeed feed;

    SlaFeed(DutyHub hub, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.hub = hub;
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent ignored) {
        feed = new TopicFeed(bootstrap, Topics.SLA, "SLA feed for the duty-manager consoles", this::apply);
        feed.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (feed != null) {
            feed.stop();
        }
    }

    /** Whether the feed holds its partitions, positioned: from then on every finding reaches the consoles. */
    public boolean ready() {
        return feed != null && feed.ready();
    }

    void apply(CloudEvent<?> event) {
        ConsoleFinding.of(event.data()).ifPresent(hub::finding);
    }
}
