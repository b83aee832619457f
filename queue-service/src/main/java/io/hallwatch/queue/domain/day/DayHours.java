package io.hallwatch.queue.domain.day;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A branch's service day as set up: its zone, the regular hours (the same every day, opening before closing
 * within one local day) and the grace after closing during which the counters still work through those
 * who are waiting. A day that goes past local midnight is the duty manager's {@link DayExtension}.
 */
public record DayHours(ZoneId zone, LocalTime opensAt, LocalTime closesAt, Duration closeGrace) {

    public DayHours {
        Objects.requireNonNull(zone);
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("A branch opens before it closes: " + opensAt + "–" + closesAt);
        }
        if (closeGrace.isNegative()) {
            throw new IllegalArgumentException("A grace cannot be negative: " + closeGrace);
        }
    }
}
