package io.hallwatch.sla.domain.alerting;

/** A breach that joined an alert's group and was not told yet: its rule, ticket number (none for a branch average) and length. */
public record PendingBreach(String rule, String ticketNumber, long actualSeconds) {
}
