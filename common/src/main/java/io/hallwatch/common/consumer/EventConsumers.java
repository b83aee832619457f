package io.hallwatch.common.consumer;

import io.hallwatch.common.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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
    private final DeadLetters deadLetters;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    private final List<ConsumerLoop> loops = new CopyOnWriteArrayList<>();

    EventConsumers(KafkaClients clients, ProcessedEvents processed, DeadLetters deadLetters, ConsumerConfig config,
                   MeterRegistry registry) {
        this.clients = clients;
        this.processed = processed;
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
        ConsumerLoop loop = new ConsumerLoop(name, topics, handler, transactions, clients.manualCommitConsumer(name, name, config.maxPollRecords()),
                processed, deadLetters, config, registry);
        loops.add(loop);
        loop.start();
        return loop;
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(ConsumerLoop::stop);
    }
}
