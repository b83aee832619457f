package io.hallwatch.common.clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * The one {@link Clock} every service reads time from. A default bean: tests replace it with
 * test-support's {@code MutableClock} by merely having it on the classpath.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(ClockConfig config) {
        Clock system = Clock.systemUTC();
        if (config.scale() == 1.0 && config.epoch().isEmpty()) {
            return system;
        }
        Instant realStart = config.realStart().orElseGet(system::instant);
        return new ScaledClock(system, config.epoch().orElse(realStart), realStart, config.scale());
    }
}
