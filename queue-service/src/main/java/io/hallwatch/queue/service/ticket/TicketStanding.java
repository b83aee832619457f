package io.hallwatch.queue.service.ticket;

import io.hallwatch.queue.domain.queue.WaitEstimate;
import io.hallwatch.queue.domain.ticket.Ticket;

/**
 * A ticket as a caller sees it now: {@code estimate} is the live position and wait of a waiting
 * ticket, null for the others (their estimate is the one made at issue, on the ticket).
 */
public record TicketStanding(Ticket ticket, WaitEstimate estimate) {
}
