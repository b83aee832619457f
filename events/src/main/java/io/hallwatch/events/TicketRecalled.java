package io.hallwatch.events;

import java.time.Instant;

/** A counter called the same ticket again because the customer did not come up yet. */
public record TicketRecalled(String ticketId, String branchId, String ticketNumber, String businessType,
                             CustomerTier customerTier, Instant recalledAt, String counterId,
                             int recallCount) implements TicketEvent {
}
