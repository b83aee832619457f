package io.hallwatch.queue.domain.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's consent, given at the kiosk, to be told by SMS when their turn is near ("your turn is near"). No phone
 * number: the SLA monitor, which sends the SMS, alone holds it. {@code toldAt} and {@code peopleAheadTold} are null
 * until the queue told the monitor ({@code hallwatch.ticket.turn-near.v1}).
 */
public record TurnNotice(UUID ticketId, String branchId, Instant requestedAt, Instant toldAt, Integer peopleAheadTold) {

    public boolean told() {
        return toldAt != null;
    }
}
