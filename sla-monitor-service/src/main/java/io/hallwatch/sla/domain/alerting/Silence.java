package io.hallwatch.sla.domain.alerting;

import java.time.Duration;
import java.time.Instant;

/**
 * A branch-wide silence, "we know, we are on it": while it is in force the branch's breaches are
 * kept as QUIET alerts and nobody is paged.
 */
public record Silence(String silenceId, String branchId, Instant startsAt, Instant endsAt, String createdBy, String reason) {

    /** The longest silence: a forgotten one must not mute a branch for days. */
    public static final Duration MAX = Duration.ofHours(12);
    /** The longest reason, in characters. */
    public static final int MAX_REASON = 500;
}
