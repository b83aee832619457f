package io.hallwatch.common.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hallwatch.consumer")
public interface ConsumerConfig {

    /** Attempts at an event whose handler fails for a reason that is not the database being away. */
    @WithDefault("3")
    int maxAttempts();

    /** First pause after a failure; doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();

    @WithDefault("500ms")
    Duration pollTimeout();

    /**
     * Records per poll ({@code max.poll.records}); with {@link Transactions#PER_POLL} also the
     * most events in one transaction.
     */
    @WithDefault("500")
    int maxPollRecords();
}
