package io.hallwatch.sla;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.SlaEvent;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A reader of {@code hallwatch.sla.v1} positioned before a test acts: it sees what the monitor
 * publishes from then on, and notes the wall-clock moment each record was first seen.
 */
public final class SlaTopic implements AutoCloseable {

    /** A record as read, with when the test saw it. */
    public record Seen(CloudEvent<?> event, String key, Instant seenAt) {
        public SlaEvent sla() {
            return (SlaEvent) event.data();
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new ArrayList<>();

    private SlaTopic() {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SLA).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the test acts
    }

    public static SlaTopic fromNow() {
        return new SlaTopic();
    }

    /** Reads until {@code count} records match, or fails after {@code timeout}; returns the matches. */
    public List<Seen> await(Predicate<Seen> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Seen> matching = seen.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Within " + timeout + " only " + matching.size() + " of " + count
                        + " expected SLA records appeared; seen " + seen.stream().map(s -> s.event().type() + "/" + s.sla().ticketId()).toList());
            }
            poll(Duration.ofMillis(20));
        }
    }

    public static Predicate<Seen> about(String ticketId) {
        return s -> ticketId.equals(s.sla().ticketId());
    }

    private void poll(Duration d) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(d)) {
            seen.add(new Seen(EventCodec.fromBytes(r.value()), r.key(), Instant.now()));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
