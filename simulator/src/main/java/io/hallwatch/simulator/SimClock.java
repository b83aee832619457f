package io.hallwatch.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulation's time, the same scaled clock the services run on in demo mode: {@code epoch} at
 * the real instant {@code realStart}, {@code scale} simulated seconds per real second. Converts
 * simulated durations to the real delays the simulator sleeps.
 */
public record SimClock(Instant epoch, Instant realStart, double scale) {

    public Instant now() {
        long realNanos = Duration.between(realStart, Instant.now()).toNanos();
        return epoch.plusNanos(Math.round(realNanos * scale));
    }

    public long realMillis(Duration simulated) {
        return Math.max(1, Math.round(simulated.toMillis() / scale));
    }
}
