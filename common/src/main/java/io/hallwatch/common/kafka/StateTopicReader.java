package io.hallwatch.common.kafka;

import io.hallwatch.common.Failures;
import io.hallwatch.common.consumer.DeadLetters;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventFormatException;
import io.hallwatch.events.UnknownEventTypeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a compacted state topic whole, from the beginning, and follows it, on a thread of its own:
 * no consumer group, nothing committed, so every replica of every service that follows the topic
 * reads all of it. Each event goes to {@code apply}, which answers null when it took it, or why it
 * rejects it; a rejected, unknown or malformed record goes to the topic's DLQ and the reader goes
 * on. A broker that is away is retried every second.
 */
public final class StateTopicReader {
    private static final Logger LOG = Logger.getLogger(StateTopicReader.class);

    private final KafkaClients clients;
    private final DeadLetters deadLetters;
    private final String topic;
    private final String consumerName;
    private final Duration poll;
    private final Function<CloudEvent<?>, String> apply;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile long position;
    private Thread thread;

    public StateTopicReader(KafkaClients clients, DeadLetters deadLetters, String topic, String consumerName, Duration poll,
                            Function<CloudEvent<?>, String> apply) {
        this.clients = clients;
        this.deadLetters = deadLetters;
        this.topic = topic;
        this.consumerName = consumerName;
        this.poll = poll;
        this.apply = apply;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, consumerName);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** The offset after the last record read (of the topic's first partition: state topics have one). */
    public long position() {
        return position;
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
                    for (ConsumerRecord<String, byte[]> record : c.poll(poll)) {
                        read(record);
                        position = record.offset() + 1;
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (KafkaException e) {
                LOG.warnf("%s cannot read %s, retrying: %s", consumerName, topic, Failures.describe(e));
                sleep(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        String rejection;
        try {
            rejection = apply.apply(EventCodec.fromBytes(record.value()));
        } catch (UnknownEventTypeException e) {
            deadLetter(record, "unknown-type", e.getMessage());
            return;
        } catch (EventFormatException e) {
            deadLetter(record, "malformed", e.getMessage());
            return;
        }
        if (rejection != null) {
            deadLetter(record, "rejected", rejection);
        }
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
            // What was read stays; the record is skipped rather than blocking every later one.
            LOG.warnf("%s skipped %s-%d@%d (%s: %s); the DLQ was not reachable: %s", consumerName, record.topic(),
                    record.partition(), record.offset(), category, reason, Failures.describe(e));
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
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
