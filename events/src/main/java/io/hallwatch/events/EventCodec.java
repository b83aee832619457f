package io.hallwatch.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes Hallwatch events as CloudEvents 1.0 in structured JSON mode. Thread-safe.
 * Reading never returns null: a record that is not a valid event raises an {@link EventFormatException}.
 * Unknown extra fields are tolerated (a newer producer may add optional ones); missing required
 * fields are not.
 */
public final class EventCodec {

    /** Kafka header and HTTP content type of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** Records larger than this are rejected unread: no event of ours comes near it. */
    public static final int MAX_EVENT_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // After the JavaTimeModule: modules registered later are asked first.
            .addModule(new SimpleModule("hallwatch-event-time").addDeserializer(Instant.class, new EventTime.Deserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    /** The envelope attributes read; any other top-level field is skipped. */
    private static final Set<String> ATTRIBUTES = Set.of("specversion", "type", "id", "time", "source", "subject");

    private EventCodec() {
    }

    public static String toJson(CloudEvent<?> event) {
        // Written field by field rather than through a tree: the same text, without building and
        // walking an intermediate copy of every event (the monitor journals each one it reads).
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("specversion", CloudEvent.SPEC_VERSION);
            g.writeStringField("id", event.id().toString());
            g.writeStringField("source", event.source().toString());
            g.writeStringField("type", event.type());
            g.writeStringField("time", event.time().toString());
            g.writeStringField("subject", event.subject());
            g.writeStringField("datacontenttype", CloudEvent.CONTENT_TYPE);
            g.writeFieldName("data");
            MAPPER.writeValue(g, event.data());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise " + event.type(), e);
        }
        return out.toString();
    }

    public static byte[] toBytes(CloudEvent<?> event) {
        return toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    public static CloudEvent<?> fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("Empty record");
        }
        if (bytes.length > MAX_EVENT_BYTES) {
            throw new MalformedEventException("Record of " + bytes.length + " bytes exceeds " + MAX_EVENT_BYTES);
        }
        try (JsonParser parser = MAPPER.getFactory().createParser(bytes)) {
            return read(parser);
        } catch (StreamReadException e) {
            throw new MalformedEventException("Not JSON: " + originalMessage(e), e);
        } catch (IOException e) {
            throw new MalformedEventException("Not JSON: " + e.getMessage(), e);
        }
    }

    public static CloudEvent<?> fromJson(String json) {
        if (json == null) {
            throw new MalformedEventException("Empty record");
        }
        return fromBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One pass over the record's tokens: the envelope's attributes as text, the data object copied
     * into a token buffer and bound to its payload type once the envelope is known good. The same
     * checks, in the same order, as reading a tree and binding from it, without building the tree
     * (a node per field) and walking it again: decoding was a quarter of the SLA monitor's
     * consumer CPU (bench/README.md, 2).
     */
    private static CloudEvent<?> read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException("A CloudEvent must be a JSON object");
        }
        Map<String, String> attributes = new HashMap<>(8);
        TokenBuffer data = null;
        boolean dataIsObject = false;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("data")) {
                dataIsObject = value == JsonToken.START_OBJECT;
                data = dataIsObject ? TokenBuffer.asCopyOfValue(parser) : null;
                if (!dataIsObject) {
                    parser.skipChildren();
                }
            } else if (ATTRIBUTES.contains(field)) {
                // Not text (a number, an object...): as good as missing, which blank text also is.
                attributes.put(field, value == JsonToken.VALUE_STRING ? parser.getText() : "");
                parser.skipChildren();
            } else {
                parser.skipChildren();
            }
        }
        String specVersion = text(attributes, "specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("Unsupported specversion '" + specVersion + "'");
        }
        String typeName = text(attributes, "type");
        EventType type = EventType.ofType(typeName).orElseThrow(() -> new UnknownEventTypeException(typeName));
        UUID id;
        Instant time;
        URI source;
        try {
            id = UUID.fromString(text(attributes, "id"));
            time = EventTime.parse(text(attributes, "time"));
            source = URI.create(text(attributes, "source"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("Invalid envelope attribute: " + e.getMessage(), e);
        }
        if (!dataIsObject) {
            throw new MalformedEventException(typeName + " has no data object");
        }
        EventPayload payload;
        try (JsonParser dataParser = data.asParserOnFirstToken()) {
            payload = MAPPER.readValue(dataParser, type.payloadClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(typeName + " data does not match its contract: "
                    + originalMessage(e), e);
        }
        requireFields(typeName, payload);
        try {
            return new CloudEvent<>(id, source, type, time, text(attributes, "subject"), payload);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /** Jackson's message without the location suffix, which would quote the record's content. */
    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    private static String text(Map<String, String> attributes, String field) {
        String value = attributes.get(field);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Missing or non-text CloudEvents attribute '" + field + "'");
        }
        return value;
    }

    private static void requireFields(String typeName, EventPayload payload) {
        for (RecordComponent c : REQUIRED.get(payload.getClass())) {
            Object value;
            try {
                value = c.getAccessor().invoke(payload);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value == null) {
                throw new MalformedEventException(typeName + " lacks required field '" + c.getName() + "'");
            }
        }
    }

    /**
     * Each payload type's components that must not be null, looked up once per type instead of
     * reflecting on the record's components and their annotations for every event read.
     */
    private static final ClassValue<List<RecordComponent>> REQUIRED = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of() : Arrays.stream(components)
                    .filter(c -> !c.isAnnotationPresent(Nullable.class)).toList();
        }
    };
}
