package io.hallwatch.counter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hallwatch.counter")
public interface CounterConfig {

    /** Stepping away (暂离) is allowed only briefly; a longer pause is flagged. */
    @WithDefault("10m")
    Duration pauseLimit();

    /** The branches' time zone, for the day a service or a pause belongs to. */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** What a counter answers in Retry-After when the queue-service cannot be reached. */
    @WithDefault("5s")
    Duration queueRetryAfter();

    /** How often the counters-by-status gauges are recounted. */
    @WithDefault("10s")
    Duration metricsRefresh();

    /** How long the service token sent to the queue-service lives; a new one is minted before it ends. */
    @WithDefault("10m")
    Duration serviceTokenLifetime();
}
