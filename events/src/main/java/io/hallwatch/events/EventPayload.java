package io.hallwatch.events;

/**
 * The {@code data} of a Hallwatch CloudEvent. Payloads carry no personal data: no phone number,
 * no name, nothing that identifies a customer beyond the ticket.
 */
public sealed interface EventPayload
        permits TicketEvent, CounterEvent, SlaEvent, OfferRecommended, OfferOutcomeRecorded {

    /** The branch the event belongs to; also the Kafka record key. */
    String branchId();

    /** The CloudEvents {@code subject}: the ticket id where there is one. */
    String subject();
}
