package io.hallwatch.counter.domain.counter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer a counter called, as the queue-service answered for their ticket, and when their
 * service started ({@code null} until it does).
 */
public record CalledCustomer(UUID ticketId, String number, String businessType, String tier, Instant issuedAt,
                             Instant calledAt, Instant startedAt) {

    public CalledCustomer startedAt(Instant at) {
        return new CalledCustomer(ticketId, number, businessType, tier, issuedAt, calledAt, at);
    }

    /** Whole seconds from the start of service to {@code now}. */
    public long handlingSecondsAt(Instant now) {
        return Duration.between(startedAt, now).toSeconds();
    }

    /** The business actually done: what the clerk declared, or else the ticket's own type. */
    public List<String> typesHandled(List<String> declared) {
        return declared == null || declared.isEmpty() ? List.of(businessType) : List.copyOf(declared);
    }
}
