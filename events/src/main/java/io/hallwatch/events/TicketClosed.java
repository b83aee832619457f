package io.hallwatch.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The ticket was closed unserved: the branch's service day {@code serviceDay} ended (its closing time, or the
 * duty manager's extension, plus the branch's grace) while the customer still waited or had been called and
 * not come up. Its wait is over at {@code closedAt}; it is a customer not served, counted apart from a
 * customer's own cancel. {@code statusAtClose}: {@code WAITING} or {@code CALLED}.
 */
public record TicketClosed(String ticketId, String branchId, String ticketNumber, String businessType,
                           CustomerTier customerTier, Instant closedAt, TicketCloseReason reason, String statusAtClose,
                           LocalDate serviceDay) implements TicketEvent {
}
