package io.hallwatch.events;

import java.time.Instant;

/**
 * A counter called the ticket for the first time. Carries {@code issuedAt} and the wait so far
 * ({@code waitSeconds}, from issue, or from the original issue for a transferred ticket), so that a
 * consumer that sees this before the issue event can still measure the wait.
 */
public record TicketCalled(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant issuedAt, Instant calledAt,
                           String counterId, String clerkId, long waitSeconds) implements TicketEvent {
}
