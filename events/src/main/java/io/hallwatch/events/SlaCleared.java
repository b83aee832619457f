package io.hallwatch.events;

import java.time.Instant;

/** A condition that was in breach is back within its limit (the branch average, for one). */
public record SlaCleared(String breachId, String branchId, @Nullable String ticketId, SlaRule rule,
                         long limitSeconds, long actualSeconds, Instant detectedAt) implements SlaEvent {
}
