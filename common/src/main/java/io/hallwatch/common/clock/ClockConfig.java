package io.hallwatch.common.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Instant;
import java.util.Optional;

/**
 * The platform clock. At scale 1 it is the system clock. In demo mode every service gets the
 * same {@code scale}, {@code epoch} and {@code real-start}, so that a simulated branch day runs in
 * minutes and all services agree on what time it is.
 */
@ConfigMapping(prefix = "hallwatch.clock")
public interface ClockConfig {

    /** How many simulated seconds pass per real second. */
    @WithDefault("1")
    double scale();

    /** The simulated instant at {@link #realStart()}; defaults to the real start itself. */
    Optional<Instant> epoch();

    /** The real instant the simulation started; defaults to this service's start. */
    Optional<Instant> realStart();
}
