package io.hallwatch.events;

import java.time.Instant;

/**
 * "Your turn is near": a customer who consented at the kiosk has {@code peopleAhead} people ahead (at most the
 * branch's {@code turnNoticeAhead}), so the SLA monitor, which alone holds the customer's phone number, sends the
 * one SMS. Published by the queue-service once per ticket, only while the ticket waits. Not a {@link TicketEvent}:
 * it changes nothing in the ticket's life, so the consumers that follow a ticket's timeline pass it by. No personal
 * data: never the phone number.
 *
 * @param peopleAhead as {@code GET /tickets/{id}} counts them when told
 * @param toldAt      when the queue decided to tell
 */
public record TicketTurnNear(String ticketId, String branchId, String ticketNumber, String businessType, int peopleAhead,
                             Instant toldAt) implements EventPayload {

    @Override
    public String subject() {
        return ticketId;
    }
}
