package io.hallwatch.common.standard;

import io.hallwatch.common.Failures;
import io.hallwatch.common.consumer.DeadLetters;
import io.hallwatch.common.kafka.KafkaClients;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventFormatException;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.events.StandardChanged;
import io.hallwatch.events.Topics;
import io.hallwatch.events.UnknownEventTypeException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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

    private final KafkaClients clients;
    private final DeadLetters deadLetters;
    private final StandardConfig config;
    private final String consumerName;
    private final AtomicReference<StandardChanged> current = new AtomicReference<>();
    private final List<Consumer<StandardChanged>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    StandardReplica(KafkaClients clients, DeadLetters deadLetters, StandardConfig config,
                    @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.clients = clients;
        this.deadLetters = deadLetters;
        this.config = config;
        this.consumerName = applicationName + "-standard";
    }

    void onStart(@Observes StartupEvent event) {
        if (config.follow()) {
            running = true;
            thread = new Thread(this::run, consumerName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
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

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = clients.stateConsumer(consumerName)) {
                consumer = c;
                List<TopicPartition> partitions = partitions(c);
                if (partitions.isEmpty()) {
                    sleep(Duration.ofSeconds(1));
                    continue;
                }
                c.assign(partitions);
                c.seekToBeginning(partitions);
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
                        read(record);
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (KafkaException e) {
                LOG.warnf("%s cannot read %s, retrying: %s", consumerName, Topics.STANDARD, Failures.describe(e));
                sleep(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        String rejection;
        try {
            CloudEvent<?> event = EventCodec.fromBytes(record.value());
            if (event.data() instanceof StandardChanged version) {
                rejection = incomplete(version.standard());
                if (rejection == null) {
                    apply(version);
                    return;
                }
            } else {
                rejection = event.type() + " does not belong on " + Topics.STANDARD;
            }
        } catch (UnknownEventTypeException e) {
            deadLetter(record, "unknown-type", e.getMessage());
            return;
        } catch (EventFormatException e) {
            deadLetter(record, "malformed", e.getMessage());
            return;
        }
        deadLetter(record, "rejected", rejection);
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

    private void deadLetter(ConsumerRecord<String, byte[]> record, String category, String reason) {
        try {
            deadLetters.send(record, consumerName, category, reason);
            LOG.warnf("%s sent %s-%d@%d to the DLQ (%s): %s", consumerName, record.topic(), record.partition(),
                    record.offset(), category, reason);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The version in force stays; the record is skipped rather than blocking every later version.
            LOG.warnf("%s skipped %s-%d@%d (%s: %s); the DLQ was not reachable: %s", consumerName, record.topic(),
                    record.partition(), record.offset(), category, reason, Failures.describe(e));
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(Topics.STANDARD, Duration.ofSeconds(5));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
