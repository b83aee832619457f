package io.hallwatch.events;

import java.time.Instant;
import java.util.List;

/** The clerk finished serving; {@code businessTypesHandled} is what was actually done. */
public record ServiceFinished(String ticketId, String branchId, String ticketNumber, String businessType,
                              CustomerTier customerTier, String counterId, String clerkId,
                              Instant startedAt, Instant finishedAt, long handlingSeconds,
                              ServiceOutcome outcome, List<String> businessTypesHandled) implements TicketEvent {
    public ServiceFinished {
        businessTypesHandled = businessTypesHandled == null ? List.of() : List.copyOf(businessTypesHandled);
    }
}
