package io.hallwatch.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the platform: its CloudEvents {@code type}, its payload record and the
 * topic it is published on. The {@code .v1} suffix is the contract version; a breaking change
 * gets a new type, never an edit of this one.
 */
public enum EventType {
    TICKET_ISSUED("hallwatch.ticket.issued.v1", TicketIssued.class, Topics.TICKETS),
    TICKET_CALLED("hallwatch.ticket.called.v1", TicketCalled.class, Topics.TICKETS),
    TICKET_RECALLED("hallwatch.ticket.recalled.v1", TicketRecalled.class, Topics.TICKETS),
    TICKET_TURN_NEAR("hallwatch.ticket.turn-near.v1", TicketTurnNear.class, Topics.TICKETS),
    TICKET_NO_SHOW("hallwatch.ticket.no-show.v1", TicketNoShow.class, Topics.TICKETS),
    TICKET_CANCELLED("hallwatch.ticket.cancelled.v1", TicketCancelled.class, Topics.TICKETS),
    TICKET_CLOSED("hallwatch.ticket.closed.v1", TicketClosed.class, Topics.TICKETS),
    TICKET_TRANSFERRED("hallwatch.ticket.transferred.v1", TicketTransferred.class, Topics.TICKETS),
    TICKET_PARKED("hallwatch.ticket.parked.v1", TicketParked.class, Topics.TICKETS),
    REMOTE_TICKET_TAKEN("hallwatch.ticket.remote-taken.v1", RemoteTicketTaken.class, Topics.TICKETS),
    APPOINTMENT_BOOKED("hallwatch.appointment.booked.v1", AppointmentBooked.class, Topics.TICKETS),
    APPOINTMENT_CANCELLED("hallwatch.appointment.cancelled.v1", AppointmentCancelled.class, Topics.TICKETS),
    APPOINTMENT_CHECKED_IN("hallwatch.appointment.checked-in.v1", AppointmentCheckedIn.class, Topics.TICKETS),
    STAFFING_SHORTFALL_FORECAST("hallwatch.staffing.shortfall-forecast.v1", StaffingShortfallForecast.class, Topics.TICKETS),
    SERVICE_STARTED("hallwatch.service.started.v1", ServiceStarted.class, Topics.SERVICES),
    SERVICE_FINISHED("hallwatch.service.finished.v1", ServiceFinished.class, Topics.SERVICES),
    COUNTER_PAUSED("hallwatch.counter.paused.v1", CounterPaused.class, Topics.SERVICES),
    COUNTER_RESUMED("hallwatch.counter.resumed.v1", CounterResumed.class, Topics.SERVICES),
    SLA_WARNING("hallwatch.sla.warning.v1", SlaWarning.class, Topics.SLA),
    SLA_BREACHED("hallwatch.sla.breached.v1", SlaBreached.class, Topics.SLA),
    SLA_CLEARED("hallwatch.sla.cleared.v1", SlaCleared.class, Topics.SLA),
    OFFER_RECOMMENDED("hallwatch.marketing.offer-recommended.v1", OfferRecommended.class, Topics.MARKETING),
    OFFER_OUTCOME_RECORDED("hallwatch.marketing.offer-outcome-recorded.v1", OfferOutcomeRecorded.class, Topics.MARKETING),
    STANDARD_CHANGED("hallwatch.standard.changed.v1", StandardChanged.class, Topics.STANDARD),
    PRODUCER_WATERMARK("hallwatch.producer.watermark.v1", ProducerWatermark.class, Topics.WATERMARKS);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String type;
    private final Class<? extends EventPayload> payloadClass;
    private final String topic;

    EventType(String type, Class<? extends EventPayload> payloadClass, String topic) {
        this.type = type;
        this.payloadClass = payloadClass;
        this.topic = topic;
    }

    public String type() {
        return type;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public String topic() {
        return topic;
    }

    /** The file name of this type's JSON Schema under {@code schemas/} on the classpath. */
    public String schemaResource() {
        return "schemas/" + type + ".schema.json";
    }

    public static Optional<EventType> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventType of(EventPayload payload) {
        EventType t = BY_CLASS.get(payload.getClass());
        if (t == null) {
            throw new IllegalArgumentException("No event type for " + payload.getClass().getName());
        }
        return t;
    }
}
