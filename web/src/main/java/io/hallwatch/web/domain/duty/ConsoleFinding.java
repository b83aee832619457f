package io.hallwatch.web.domain.duty;

import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaCleared;
import io.hallwatch.events.SlaWarning;

import java.time.Instant;
import java.util.Optional;

/**
 * A row of the duty-manager console's open warnings and breaches, from an SLA event: the same fields
 * as an item of the monitor's {@code GET /api/v1/breaches} (so that the page draws both alike), plus
 * the whole minutes over the limit ({@code 0} for a warning, which is not over yet). A branch-average
 * finding has no ticket: its number and business type are null.
 *
 * @param change {@code OPEN} (a warning or breach to list) or {@code CLEARED} (to take off the list)
 * @param level  {@code WARNING} or {@code BREACH}; null for a clear
 */
public record ConsoleFinding(String change, String breachId, String branchId, String level, String rule, String ticketNumber,
                             String businessType, long limitSeconds, long actualSeconds, long minutesOver, Instant detectedAt) {

    /** The row an SLA event makes; empty for anything that is not a warning, breach or clear. */
    public static Optional<ConsoleFinding> of(Object event) {
        if (event instanceof SlaWarning w) {
            return Optional.of(new ConsoleFinding("OPEN", w.breachId(), w.branchId(), "WARNING", w.rule().name(), w.ticketNumber(),
                    w.businessType(), w.limitSeconds(), w.actualSeconds(), 0, w.detectedAt()));
        }
        if (event instanceof SlaBreached b) {
            return Optional.of(new ConsoleFinding("OPEN", b.breachId(), b.branchId(), "BREACH", b.rule().name(), b.ticketNumber(),
                    b.businessType(), b.limitSeconds(), b.actualSeconds(), minutesOver(b.limitSeconds(), b.actualSeconds()),
                    b.detectedAt()));
        }
        if (event instanceof SlaCleared c) {
            return Optional.of(new ConsoleFinding("CLEARED", c.breachId(), c.branchId(), null, c.rule().name(), null, null,
                    c.limitSeconds(), c.actualSeconds(), minutesOver(c.limitSeconds(), c.actualSeconds()), c.detectedAt()));
        }
        return Optional.empty();
    }

    /** Whole minutes past the limit, rounded up (a breach 10 s over is 1 minute over); 0 when within it. */
    public static long minutesOver(long limitSeconds, long actualSeconds) {
        long over = actualSeconds - limitSeconds;
        return over <= 0 ? 0 : (over + 59) / 60;
    }
}
