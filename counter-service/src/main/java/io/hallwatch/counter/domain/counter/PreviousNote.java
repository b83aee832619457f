package io.hallwatch.counter.domain.counter;

import java.time.Instant;

/**
 * A note an earlier clerk left on this visit (at a finish, or a park in service), shown to the clerk who calls it
 * next: after a transfer or a park the next clerk reads what was done and why. {@code outcome} is null for a park.
 */
public record PreviousNote(String counterId, String clerkId, Instant at, String outcome, String note) {
}
