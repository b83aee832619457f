package io.hallwatch.counter.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** The queue-service's answer about a ticket, as much of it as a counter needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueueTicket(UUID ticketId, String branchId, String number, String businessType, String tier,
                          String status, Instant issuedAt, Instant calledAt, String counterId, Integer recallCount,
                          Boolean walkIn, String callReason, Boolean outOfOrder) {

    public QueueTicket(UUID ticketId, String branchId, String number, String businessType, String tier, String status,
                       Instant issuedAt, Instant calledAt, String counterId, Integer recallCount) {
        this(ticketId, branchId, number, businessType, tier, status, issuedAt, calledAt, counterId, recallCount, null, null, null);
    }
}
