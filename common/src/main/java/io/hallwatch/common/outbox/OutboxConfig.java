package io.hallwatch.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /** How long sent rows are kept (for audit and replay) before they are deleted. */
    @WithDefault("P2D")
    Duration retention();
}
