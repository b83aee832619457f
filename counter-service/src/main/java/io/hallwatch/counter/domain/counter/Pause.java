package io.hallwatch.counter.domain.counter;

import java.time.Duration;
import java.time.Instant;

/**
 * A pause (暂离) as long as it has lasted: stepping away is allowed only briefly, so one longer
 * than the pause limit is flagged, on the screen while it lasts and in the CounterResumed event.
 */
public record Pause(String reason, Instant since, long seconds, long limitSeconds) {

    public static Pause at(PauseStart start, Instant now, Duration limit) {
        return new Pause(start.reason(), start.since(), Duration.between(start.since(), now).toSeconds(), limit.toSeconds());
    }

    public boolean overLimit() {
        return seconds > limitSeconds;
    }
}
