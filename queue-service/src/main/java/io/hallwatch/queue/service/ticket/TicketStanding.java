package io.hallwatch.queue.service.ticket;

import io.hallwatch.queue.domain.forecast.BreachAdvice;
import io.hallwatch.queue.domain.queue.WaitEstimate;
import io.hallwatch.queue.domain.ticket.Ticket;

/**
 * A ticket as a caller sees it now: {@code estimate} is the live position and wait of a waiting
 * ticket, null for the others (their estimate is the one made at issue, on the ticket).
 * {@code breachAdvice}: where the estimate at issue already exceeded the wait limit, what the kiosk
 * tells the customer; only on the answer to the issue itself.
 */
public record TicketStanding(Ticket ticket, WaitEstimate estimate, BreachAdvice breachAdvice) {
    public TicketStanding(Ticket ticket, WaitEstimate estimate) {
        this(ticket, estimate, null);
    }
}
