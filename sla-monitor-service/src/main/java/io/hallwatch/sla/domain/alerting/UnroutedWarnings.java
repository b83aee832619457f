package io.hallwatch.sla.domain.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limits the warning about breaches nobody could be paged for: one line per branch per
 * interval, however many breaches, so a branch without a roster does not flood the log. Plain logic.
 */
public final class UnroutedWarnings {
    private final Duration every;
    private final Map<String, Instant> lastWarned = new ConcurrentHashMap<>();

    public UnroutedWarnings(Duration every) {
        this.every = every;
    }

    /** Whether to log a line for {@code branch} now; if so, the next one is due {@code every} later. */
    public boolean shouldWarn(String branch, Instant now) {
        boolean[] warn = {false};
        lastWarned.compute(branch, (b, last) -> {
            if (last == null || !now.isBefore(last.plus(every)) || now.isBefore(last)) {
                warn[0] = true;
                return now;
            }
            return last;
        });
        return warn[0];
    }
}
