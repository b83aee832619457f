package io.hallwatch.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "hallwatch.outbox")
public interface OutboxConfig {

    /** Run the relay loop in this instance. Off only in tests that drive the relay by hand. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often an idle relay looks for rows; a commit wakes it at once anyway. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Rows sent per round. */
    @WithDefault("500")
    int batchSize();

    /** Pause after a failed round (broker or database down) before the next. */
    @WithDefault("1s")
    Duration retryBackoff();

    /**
     * The topics this service promises watermarks for ({@code ProducerWatermark}): the ones whose
     * consumers judge deadlines (the queue: tickets; the counter: services). None by default.
     */
    Optional<List<String>> watermarkTopics();

    /** How often the relay publishes its watermarks, idle or not: bounds how soon after a deadline it can be judged. */
    @WithDefault("25ms")
    Duration watermarkInterval();

    /**
     * The longest real time between a service reading the clock for an event and its transaction's
     * first statement (in the same method, so milliseconds); the watermark stays this far behind.
     */
    @WithDefault("50ms")
    Duration watermarkAllowance();
}
