package io.hallwatch.common.consumer;

import io.hallwatch.common.Failures;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventFormatException;
import io.hallwatch.events.UnknownEventTypeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One consumer group member: poll, apply once, dead-letter the poison, commit. */
public final class ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private enum Outcome { APPLIED, DUPLICATE, DEAD_LETTERED, RETRY_LATER }

    private final String name;
    private final List<String> topics;
    private final EventHandler handler;
    private final Transactions transactions;
    private final KafkaConsumer<String, byte[]> consumer;
    private final FirstDeliveries deliveries;
    private final DeadLetters deadLetters;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    private final KafkaClientMetrics clientMetrics;
    private final Thread thread;
    private volatile boolean running = true;
    private Duration backoff;

    ConsumerLoop(String name, String clientId, List<String> topics, EventHandler handler, Transactions transactions,
                 KafkaConsumer<String, byte[]> consumer, FirstDeliveries deliveries, DeadLetters deadLetters,
                 ConsumerConfig config, MeterRegistry registry) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.transactions = transactions;
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.config = config;
        this.registry = registry;
        this.backoff = config.initialBackoff();
        this.clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
        this.thread = new Thread(this::run, "consumer-" + clientId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    private void run() {
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
                if (!records.isEmpty()) {
                    processBatch(records);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            LOG.errorf("Consumer %s stopped: %s", name, Failures.describe(e));
        } finally {
            clientMetrics.close();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void processBatch(ConsumerRecords<String, byte[]> records) {
        if (transactions == Transactions.PER_POLL && records.count() > 1 && applyInOneTransaction(records)) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running) {
                    commit(done);
                    return;
                }
                Outcome outcome = process(record);
                if (outcome == Outcome.RETRY_LATER) {
                    // Rewind this partition to the record that could not be applied; the others
                    // go on, and this one is tried again on the next poll.
                    consumer.seek(partition, record.offset());
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        commit(done);
    }

    /**
     * The whole poll in one transaction, each event still deduped by its own record of first
     * delivery (all written by one statement), in partition order as one at a time would. Anything unusual (a record that does not decode,
     * a rejected event, a failure, the database away) rolls the whole poll back and returns
     * false: the caller then takes the one-event-per-transaction path, which knows how to
     * dead-letter, retry and wait, so those cases behave exactly as without batching.
     */
    private boolean applyInOneTransaction(ConsumerRecords<String, byte[]> records) {
        List<CloudEvent<?>> events = new ArrayList<>(records.count());
        List<byte[]> values = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    events.add(EventCodec.fromBytes(record.value()));
                } catch (EventFormatException e) {
                    return false;
                }
                values.add(record.value());
                offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        boolean[] applied = new boolean[events.size()];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // One statement records the whole poll as delivered; the handler then gets the
                // first deliveries together, so that it too may share round trips between them.
                boolean[] first = deliveries.firsts(events, values);
                System.arraycopy(first, 0, applied, 0, first.length);
                List<CloudEvent<?>> toApply = new ArrayList<>(events.size());
                for (int i = 0; i < events.size(); i++) {
                    if (applied[i]) {
                        toApply.add(events.get(i));
                    }
                }
                if (!toApply.isEmpty()) {
                    handler.handleAll(toApply);
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("Consumer %s applies a poll of %d one event at a time: %s", name, events.size(), Failures.describe(e));
            return false;
        }
        backoff = config.initialBackoff();
        for (int i = 0; i < events.size(); i++) {
            count(events.get(i), applied[i] ? Outcome.APPLIED : Outcome.DUPLICATE);
        }
        commit(offsets);
        return true;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (KafkaException e) {
            // Not fatal: the events are recorded as processed, so a redelivery is a no-op.
            LOG.warnf("Consumer %s could not commit offsets: %s", name, Failures.describe(e));
        }
    }

    private Outcome process(ConsumerRecord<String, byte[]> record) {
        CloudEvent<?> event;
        try {
            event = EventCodec.fromBytes(record.value());
        } catch (UnknownEventTypeException e) {
            return deadLetter(record, "unknown-type", e.getMessage());
        } catch (EventFormatException e) {
            return deadLetter(record, "malformed", e.getMessage());
        }
        for (int attempt = 1; running; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!deliveries.first(event, record.value())) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                backoff = config.initialBackoff();
                count(event, applied ? Outcome.APPLIED : Outcome.DUPLICATE);
                return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
            } catch (RejectedEventException e) {
                return deadLetter(record, "rejected", e.getMessage());
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    LOG.warnf("Consumer %s waits for the database: %s", name, Failures.describe(e));
                    pause();
                    return Outcome.RETRY_LATER;
                }
                if (attempt >= config.maxAttempts()) {
                    LOG.errorf("Consumer %s gives up on %s %s after %d attempts: %s", name, event.type(), event.id(),
                            attempt, Failures.describe(e));
                    return deadLetter(record, "failed", Failures.describe(e));
                }
                pause();
            }
        }
        return Outcome.RETRY_LATER;
    }

    private Outcome deadLetter(ConsumerRecord<String, byte[]> record, String category, String reason) {
        try {
            deadLetters.send(record, name, category, reason);
            LOG.warnf("Consumer %s sent %s-%d@%d to the DLQ (%s): %s", name, record.topic(), record.partition(),
                    record.offset(), category, reason);
            Counter.builder("hallwatch.events.dead.lettered").description("Records sent to a dead-letter topic")
                    .tag("consumer", name).tag("topic", record.topic()).tag("category", category)
                    .register(registry).increment();
            return Outcome.DEAD_LETTERED;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Consumer %s cannot reach the DLQ, will retry: %s", name, Failures.describe(e));
            pause();
            return Outcome.RETRY_LATER;
        }
    }

    private void count(CloudEvent<?> event, Outcome outcome) {
        Counter.builder("hallwatch.events.consumed").description("Events read by a consumer, applied or skipped as duplicates")
                .tag("consumer", name).tag("type", event.type()).tag("outcome", outcome.name().toLowerCase())
                .register(registry).increment();
    }

    private void pause() {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }
}
