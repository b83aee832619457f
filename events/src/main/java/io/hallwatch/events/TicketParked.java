package io.hallwatch.events;

import java.time.Instant;

/**
 * A called or serving visit went back to the queue (park and return, e.g. a customer who must fetch a
 * document): the ticket waits again from {@code parkedAt}, placed by {@code position}.
 * {@code statusAtPark} is CALLED or SERVING (a service under way stops there: its handling ends at the
 * park). {@code waitedSeconds} is the wait kept from before the park (issue, or the last return, to the
 * call); the wait clock resumes from it at {@code parkedAt}: the time spent called or at the counter
 * is not waiting.
 */
public record TicketParked(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant parkedAt, ParkPosition position, String statusAtPark,
                           String counterId, String clerkId, long waitedSeconds) implements TicketEvent {
}
