package io.hallwatch.testsupport;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** What a test needs of the real broker: put a record on a topic, read a topic until a condition holds. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    public static void produce(String topic, String key, byte[] value, Header... headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            for (Header h : headers) {
                record.headers().add(h);
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot produce to " + topic, e);
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code done} holds for everything read so far,
     * or fails when {@code timeout} passes; returns all records read.
     */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String topic, Duration timeout,
                                                                 Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (done.test(records)) {
                    return records;
                }
            }
        }
        throw new AssertionError("Within " + timeout + ", " + topic + " did not reach the expected state; read "
                + records.size() + " records");
    }

    /** The events about {@code subject} (a ticket id, or branch/counter) on {@code topic}, in order, once {@code count} have arrived. */
    public static List<CloudEvent<?>> eventsAbout(String topic, String subject, int count) {
        return readUntil(topic, Duration.ofSeconds(30), rs -> rs.stream().filter(r -> isAbout(r.value(), subject)).count() >= count)
                .stream().filter(r -> isAbout(r.value(), subject)).<CloudEvent<?>>map(r -> EventCodec.fromBytes(r.value())).toList();
    }

    /** Whether a structured CloudEvent record has this subject, without decoding it (poison records included). */
    public static boolean isAbout(byte[] value, String subject) {
        return value != null && new String(value, StandardCharsets.UTF_8).contains("\"subject\":\"" + subject + "\"");
    }
}
