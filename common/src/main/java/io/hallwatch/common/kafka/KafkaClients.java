package io.hallwatch.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;

/** Builds Kafka clients with the settings the platform's guarantees rely on. */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrapServers;
    private final KafkaConfig config;

    KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, KafkaConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * An idempotent producer with {@code acks=all}: a retried send is never written twice, and
     * with at most five requests in flight the broker keeps each partition's order.
     */
    public KafkaProducer<String, byte[]> reliableProducer(String clientId) {
        return idempotentProducer(clientId, (int) config.deliveryTimeout().toMillis());
    }

    /**
     * The outbox relay's producer: like {@link #reliableProducer} but a record never expires inside
     * the producer. An expired batch followed by a later batch of the same partition that still
     * gets through is a gap that the relay's resend can only fill out of order (seen with the broker
     * down longer than the delivery timeout); so the relay bounds its own wait instead
     * ({@link #deliveryTimeout()}) and discards the whole producer when that runs out.
     */
    public KafkaProducer<String, byte[]> orderedProducer(String clientId) {
        return idempotentProducer(clientId, Integer.MAX_VALUE);
    }

    private KafkaProducer<String, byte[]> idempotentProducer(String clientId, int deliveryTimeoutMs) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        int timeoutMs = (int) config.deliveryTimeout().toMillis();
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** How long a send may take before the caller gives up on it. */
    public java.time.Duration deliveryTimeout() {
        return config.deliveryTimeout();
    }

    /** A consumer that commits only what was applied: at-least-once, made exactly-once by dedupe. */
    public KafkaConsumer<String, byte[]> manualCommitConsumer(String groupId, String clientId) {
        return manualCommitConsumer(groupId, clientId, 500);
    }

    /** As {@link #manualCommitConsumer(String, String)}, with at most {@code maxPollRecords} a poll. */
    public KafkaConsumer<String, byte[]> manualCommitConsumer(String groupId, String clientId, int maxPollRecords) {
        Map<String, Object> props = consumerProps(clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        int sessionMs = (int) config.sessionTimeout().toMillis();
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMs);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(500, sessionMs / 3));
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A consumer of a compacted state topic that every replica reads whole: no group, nothing committed,
     * the caller assigns the partitions and seeks to the beginning.
     */
    public KafkaConsumer<String, byte[]> stateConsumer(String clientId) {
        return new KafkaConsumer<>(consumerProps(clientId), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** What every consumer here reads with: from the earliest record, committed records only, no auto-commit. */
    private Map<String, Object> consumerProps(String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }
}
