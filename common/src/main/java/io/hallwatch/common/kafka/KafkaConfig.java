package io.hallwatch.common.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** How the services talk to Kafka, beyond {@code kafka.bootstrap.servers}. */
@ConfigMapping(prefix = "hallwatch.kafka")
public interface KafkaConfig {

    /** Create the platform's topics at start-up where they are missing (the launcher also does). */
    @WithDefault("true")
    boolean createTopics();

    /** Partitions of each topic; branches are spread over them by key. */
    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    /** How long a send may take before the outbox relay gives up this round and retries later. */
    @WithDefault("15s")
    @WithName("delivery-timeout")
    Duration deliveryTimeout();

    /**
     * How long the broker waits for a consumer group member's heartbeat before it takes the member's partitions
     * away ({@code session.timeout.ms}; heartbeats every third of it). A member that died (kill -9, a crashed host)
     * holds its partitions this long: its replacement, or the same instance restarted, applies nothing and fires no
     * timer before. Kafka's own default of 45 s would make a monitor restarted at once catch up 45 s late (45
     * simulated minutes on the demo's 60x clock); 10 s is what Kafka used before 3.0.
     */
    @WithDefault("10s")
    @WithName("session-timeout")
    Duration sessionTimeout();
}
