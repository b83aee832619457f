package io.hallwatch.queue.api.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.domain.ticket.TicketStatus;
import io.hallwatch.queue.domain.ticket.Triage;
import io.hallwatch.queue.service.ticket.TicketStanding;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket as kiosks, terminals and displays see it. {@code position} (1 = next), {@code peopleAhead}
 * and {@code estimatedWaitMinutes} are current for a waiting ticket; for others the estimate is the
 * one made at issue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(UUID ticketId, String branchId, String number, String businessType, CustomerTier tier,
                         TicketStatus status, Instant issuedAt, Instant calledAt, String counterId, Integer recallCount,
                         Integer position, Integer peopleAhead, int estimatedWaitMinutes, Triage.Advice advice) {

    public static TicketView of(TicketStanding standing) {
        Ticket t = standing.ticket();
        var current = standing.estimate();
        Integer position = current == null ? null : current.position();
        Integer ahead = current == null ? null : current.peopleAhead();
        int minutes = current == null ? t.estimatedWaitMinutes : current.minutes();
        return new TicketView(t.id, t.branchId, t.number, t.businessType, t.tier, t.status, t.issuedAt, t.calledAt,
                t.counterId, t.recallCount, position, ahead, minutes, Triage.adviceFor(t.businessType, t.tier).orElse(null));
    }
}
