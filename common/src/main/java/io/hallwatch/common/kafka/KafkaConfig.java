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
}
