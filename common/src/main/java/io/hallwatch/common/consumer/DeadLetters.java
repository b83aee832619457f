package io.hallwatch.common.consumer;

import io.hallwatch.common.kafka.KafkaClients;
import io.hallwatch.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a record a consumer cannot process to {@code <topic>.dlq}, unchanged, with headers that
 * say why, where it came from and who gave up on it. Records too large to forward are sent
 * without their value and marked truncated.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String REASON = "hallwatch.dlq.reason";
    public static final String CATEGORY = "hallwatch.dlq.category";
    public static final String SOURCE_TOPIC = "hallwatch.dlq.source-topic";
    public static final String SOURCE_PARTITION = "hallwatch.dlq.source-partition";
    public static final String SOURCE_OFFSET = "hallwatch.dlq.source-offset";
    public static final String CONSUMER = "hallwatch.dlq.consumer";
    public static final String TRUNCATED = "hallwatch.dlq.truncated";
    private static final int MAX_FORWARDED_BYTES = 512 * 1024;

    private final KafkaClients clients;
    private final String applicationName;
    private volatile KafkaProducer<String, byte[]> producer;

    DeadLetters(KafkaClients clients, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.clients = clients;
        this.applicationName = applicationName;
    }

    /** Blocks until the broker acknowledged the dead letter, so that the offset may then be committed. */
    public void send(ConsumerRecord<String, byte[]> record, String consumer, String category, String reason)
            throws ExecutionException, InterruptedException, TimeoutException {
        byte[] value = record.value();
        boolean truncated = value != null && value.length > MAX_FORWARDED_BYTES;
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.dlq(record.topic()), record.key(),
                truncated ? null : value);
        letter.headers().add(REASON, utf8(reason));
        letter.headers().add(CATEGORY, utf8(category));
        letter.headers().add(SOURCE_TOPIC, utf8(record.topic()));
        letter.headers().add(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        letter.headers().add(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        letter.headers().add(CONSUMER, utf8(consumer));
        if (truncated) {
            letter.headers().add(TRUNCATED, utf8(Integer.toString(value.length)));
        }
        producer().send(letter).get(30, TimeUnit.SECONDS);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = clients.reliableProducer(applicationName + "-dead-letters");
                }
            }
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
