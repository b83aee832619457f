package io.hallwatch.common.consumer;

import io.hallwatch.common.journal.EventJournal;
import io.hallwatch.common.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts a service's Kafka consumers. Each one reads its topics in its own thread, applies every
 * event once (deduped by CloudEvents id in the handler's transaction), sends poison records to
 * the DLQ and goes on, and commits offsets only for what it applied or dead-lettered.
 */
@ApplicationScoped
public class EventConsumers {

    private final KafkaClients clients;
    private final ProcessedEvents processed;
    private final EventJournal journal;
    private final DeadLetters deadLetters;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    private final List<ConsumerLoop> loops = new CopyOnWriteArrayList<>();

    EventConsumers(KafkaClients clients, ProcessedEvents processed, EventJournal journal, DeadLetters deadLetters,
                   ConsumerConfig config, MeterRegistry registry) {
        this.clients = clients;
        this.processed = processed;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Starts consumer group {@code name} on {@code topics}. The name is also the key under which
     * processed events are remembered: keep it stable.
     */
    public ConsumerLoop start(String name, List<String> topics, EventHandler handler) {
        return start(name, topics, handler, Transactions.PER_EVENT);
    }

    /**
     * As {@link #start(String, List, EventHandler)}, choosing how events are grouped into
     * transactions; see {@link Transactions} for when {@link Transactions#PER_POLL} is safe.
     */
    public ConsumerLoop start(String name, List<String> topics, EventHandler handler, Transactions transactions) {
        return start(name, topics, handler, transactions, 1).get(0);
    }

    /**
     * As {@link #start(String, List, EventHandler, Transactions)} with {@code members} members of
     * the group in this instance, each its own thread and consumer: Kafka shares the partitions
     * between them as between instances, so a handler that is safe for several instances is safe
     * here. One member's CPU work then overlaps another's wait for the database.
     */
    public List<ConsumerLoop> start(String name, List<String> topics, EventHandler handler, Transactions transactions,
                                    int members) {
        return start(name, topics, handler, transactions, members, processed.of(name));
    }

    /**
     * A {@link Transactions#PER_POLL} consumer group whose record of first deliveries is the
     * service's event journal: each poll's events are journaled, from their records' values, in
     * the statement that tells which are new, and only those reach {@code handler}. One write per
     * event instead of a journal row and a processed_event row. Only for the one consumer of a
     * service that journals everything it applies: any other would take that one's events for
     * duplicates.
     */
    public List<ConsumerLoop> startJournaled(String name, List<String> topics, EventHandler handler, int members) {
        return start(name, topics, handler, Transactions.PER_POLL, members, journal);
    }

    private List<ConsumerLoop> start(String name, List<String> topics, EventHandler handler, Transactions transactions,
                                     int members, FirstDeliveries deliveries) {
        if (members < 1) {
            throw new IllegalArgumentException("A consumer group needs at least one member, not " + members);
        }
        List<ConsumerLoop> started = new ArrayList<>(members);
        for (int member = 1; member <= members; member++) {
            // Kafka's client id names the member's metrics and JMX beans: two alike would collide.
            String clientId = members == 1 ? name : name + "-" + member;
            ConsumerLoop loop = new ConsumerLoop(name, clientId, topics, handler, transactions,
                    clients.manualCommitConsumer(name, clientId, config.maxPollRecords()),
                    deliveries, deadLetters, config, registry);
            loops.add(loop);
            loop.start();
            started.add(loop);
        }
        return started;
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(ConsumerLoop::stop);
    }
}
