package io.hallwatch.events;

/**
 * The {@code data} of a Hallwatch CloudEvent. Payloads carry no personal data: no phone number,
 * no name, nothing that identifies a customer beyond the ticket.
 */
public sealed interface EventPayload
        permits TicketEvent, CounterEvent, SlaEvent, OfferRecommended, OfferOutcomeRecorded, StandardChanged, ProducerWatermark,
        StaffingShortfallForecast,
        TicketTurnNear, RemoteTicketTaken, AppointmentEvent {

    /** The branch the event belongs to; null only for the platform-wide {@link StandardChanged} and {@link ProducerWatermark}. */
    String branchId();

    /** The Kafka record key: the branch id, so that a branch's events stay in order on one partition. */
    default String recordKey() {
        return branchId();
    }

    /** The CloudEvents {@code subject}: the ticket id where there is one. */
    String subject();
}
