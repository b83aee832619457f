package io.hallwatch.queue.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hallwatch.events.CustomerTier;

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
}
