package io.hallwatch.events;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope around one payload. {@code time} is event time: the moment the thing
 * happened, in UTC, from the producer's injected clock — not when it was sent.
 */
public record CloudEvent<T extends EventPayload>(UUID id, URI source, EventType eventType, Instant time,
                                                 String subject, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (!eventType.payloadClass().isInstance(data)) {
            throw new IllegalArgumentException(eventType.type() + " cannot carry " + data.getClass().getSimpleName());
        }
    }

    /** A new event with a fresh time-ordered id ({@link TimeOrderedIds}); {@code source} names the producing service, e.g. {@code /hallwatch/queue-service}. */
    public static <T extends EventPayload> CloudEvent<T> of(String source, Instant time, T data) {
        return new CloudEvent<>(TimeOrderedIds.next(), URI.create(source), EventType.of(data), time, data.subject(), data);
    }

    public String type() {
        return eventType.type();
    }

    public String topic() {
        return eventType.topic();
    }

    /** The Kafka record key: the branch id, so a branch's events stay in order on one partition. */
    public String key() {
        return data.recordKey();
    }
}
