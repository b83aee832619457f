package io.hallwatch.events;

import java.time.Instant;

/**
 * The ticket moved to another business type (a consultation that turns into a new line, say).
 * {@code businessType} is the new type, {@code previousBusinessType} the one it had.
 */
public record TicketTransferred(String ticketId, String branchId, String ticketNumber, String businessType,
                                CustomerTier customerTier, String previousBusinessType,
                                Instant transferredAt) implements TicketEvent {
}
