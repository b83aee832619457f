package io.hallwatch.events;

import java.time.Instant;

/** The customer was called and never came (过号). */
public record TicketNoShow(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant noShowAt, String counterId) implements TicketEvent {
}
