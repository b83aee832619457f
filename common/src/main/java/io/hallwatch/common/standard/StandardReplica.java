package io.hallwatch.common.standard;

import io.hallwatch.common.consumer.DeadLetters;
import io.hallwatch.common.kafka.KafkaClients;
import io.hallwatch.common.kafka.StateTopicReader;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.events.StandardChanged;
import io.hallwatch.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * This service's read-only copy of the service standard: {@link Topics#STANDARD} read from the
 * beginning at start (so the version in force is known without a local seed copy) and followed, so
 * that a change the owner publishes is applied here within a poll. No consumer group: every replica
 * of every service reads the whole (compacted, one-record) topic itself.
 *
 * <p>Until the first version arrives, {@link #current()} is empty and {@link #require()} throws
 * {@link StandardUnavailableException}; the services' readiness checks report it.
 */
@ApplicationScoped
public class StandardReplica {
    private static final Logger LOG = Logger.getLogger(StandardReplica.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final StandardConfig config;
    private final StateTopicReader reader;
    private final AtomicReference<StandardChanged> current = new AtomicReference<>();
    private final List<Consumer<StandardChanged>> listeners = new CopyOnWriteArrayList<>();

    StandardReplica(KafkaClients clients, DeadLetters deadLetters, StandardConfig config,
                    @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.reader = new StateTopicReader(clients, deadLetters, Topics.STANDARD, applicationName + "-standard", POLL, this::read);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.follow()) {
            reader.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        reader.stop();
    }

    /** The version in force, once one has been read. */
    public Optional<StandardChanged> current() {
        return Optional.ofNullable(current.get());
    }

    /** The version in force; {@link StandardUnavailableException} before the first one arrived. */
    public StandardChanged require() {
        StandardChanged version = current.get();
        if (version == null) {
            throw new StandardUnavailableException();
        }
        return version;
    }

    /** Called (on the replica's thread) with each newer version as it arrives. */
    public void onChange(Consumer<StandardChanged> listener) {
        listeners.add(listener);
    }

    /** Applies a version as if read from the topic: newer versions replace older ones, never the reverse. */
    public boolean apply(StandardChanged version) {
        StandardChanged before = current.getAndAccumulate(version,
                (old, next) -> old == null || next.version() > old.version() ? next : old);
        boolean changed = before == null || version.version() > before.version();
        if (changed) {
            LOG.infof("Service standard version %d in force (effective %s, by %s)", version.version(),
                    version.effectiveFrom(), version.changedBy());
            listeners.forEach(l -> l.accept(version));
        }
        return changed;
    }

    /** Takes a record's event: null when applied, else why it is rejected. */
    private String read(CloudEvent<?> event) {
        if (event.data() instanceof StandardChanged version) {
            String rejection = incomplete(version.standard());
            if (rejection == null) {
                apply(version);
            }
            return rejection;
        }
        return event.type() + " does not belong on " + Topics.STANDARD;
    }

    /** What a version lacks to be applied at all (the owner validates everything else before publishing). */
    static String incomplete(ServiceStandard standard) {
        if (standard.defaults() == null || standard.defaults().waitLimitSeconds() == null
                || standard.defaults().handlingLimitSeconds() == null || standard.defaults().warningFraction() == null) {
            return "the standard has no complete defaults";
        }
        if (standard.branchAverage() == null || standard.branchAverage().windowSeconds() == null
                || standard.branchAverage().limitSeconds() == null) {
            return "the standard has no complete branch-average rule";
        }
        return null;
    }
}
