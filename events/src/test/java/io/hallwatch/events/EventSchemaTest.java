package io.hallwatch.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published JSON Schemas are the contract other teams build against: every sample must match them. */
class EventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static Stream<CloudEvent<?>> samples() {
        return EventSamples.events();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void every_serialised_sample_matches_the_envelope_and_its_data_schema(CloudEvent<?> event) throws Exception {
        JsonNode json = JSON.readTree(EventCodec.toJson(event));
        assertValid(schema("schemas/cloudevent.schema.json"), json);
        assertValid(schema(event.eventType().schemaResource()), json.get("data"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void each_schema_names_exactly_the_fields_of_its_record(EventType type) throws Exception {
        JsonNode schema = schemaNode(type.schemaResource());
        Set<String> schemaFields = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> recordFields = Arrays.stream(type.payloadClass().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(recordFields, schemaFields);

        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        Set<String> requiredByCodec = Arrays.stream(type.payloadClass().getRecordComponents())
                .filter(c -> !c.isAnnotationPresent(Nullable.class))
                .map(RecordComponent::getName).collect(Collectors.toSet());
        assertEquals(requiredByCodec, required, "schema 'required' and @Nullable disagree");
    }

    @Test
    void a_phone_number_smuggled_into_data_fails_the_schema() throws Exception {
        CloudEvent<?> issued = CloudEvent.of("/hallwatch/test", EventSamples.T0, EventSamples.byType().get(EventType.TICKET_ISSUED));
        ObjectNode data = (ObjectNode) JSON.readTree(EventCodec.toJson(issued)).get("data");
        data.put("phone", "13812345678");
        assertFalse(schema(EventType.TICKET_ISSUED.schemaResource()).validate(data).isEmpty());
    }

    @Test
    void a_phone_number_as_customer_reference_fails_the_schema() throws Exception {
        TicketIssued issued = (TicketIssued) EventSamples.byType().get(EventType.TICKET_ISSUED);
        TicketIssued withPhone = new TicketIssued(issued.ticketId(), issued.branchId(), issued.ticketNumber(),
                issued.businessType(), issued.customerTier(), issued.issuedAt(), "13812345678");
        JsonNode data = JSON.readTree(EventCodec.toJson(CloudEvent.of("/hallwatch/test", EventSamples.T0, withPhone))).get("data");
        assertFalse(schema(EventType.TICKET_ISSUED.schemaResource()).validate(data).isEmpty());
    }

    @Test
    void the_envelope_schema_rejects_an_unknown_type() throws Exception {
        CloudEvent<?> issued = CloudEvent.of("/hallwatch/test", EventSamples.T0, EventSamples.byType().get(EventType.TICKET_ISSUED));
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(issued));
        json.put("type", "hallwatch.ticket.teleported.v1");
        assertFalse(schema("schemas/cloudevent.schema.json").validate(json).isEmpty());
    }

    @Test
    void a_closed_ticket_carries_its_reason_and_service_day_as_a_date_and_no_other_reason() throws Exception {
        CloudEvent<?> closed = CloudEvent.of("/hallwatch/test", EventSamples.T0, EventSamples.byType().get(EventType.TICKET_CLOSED));
        ObjectNode data = (ObjectNode) JSON.readTree(EventCodec.toJson(closed)).get("data");
        assertEquals("BRANCH_CLOSED", data.get("reason").asText());
        assertEquals("2026-11-24", data.get("serviceDay").asText());
        assertEquals("WAITING", data.get("statusAtClose").asText());
        JsonSchema schema = schema(EventType.TICKET_CLOSED.schemaResource());
        assertFalse(schema.validate(data.deepCopy().put("reason", "CUSTOMER_LEFT")).isEmpty());
        assertFalse(schema.validate(data.deepCopy().put("statusAtClose", "SERVING")).isEmpty());
        assertFalse(schema.validate(data.deepCopy().put("serviceDay", "24.11.2026")).isEmpty());
    }

    @Test
    void a_parked_visit_names_a_known_position_and_status_and_a_chosen_call_a_known_reason() throws Exception {
        CloudEvent<?> parked = CloudEvent.of("/hallwatch/test", EventSamples.T0, EventSamples.byType().get(EventType.TICKET_PARKED));
        ObjectNode data = (ObjectNode) JSON.readTree(EventCodec.toJson(parked)).get("data");
        JsonSchema schema = schema(EventType.TICKET_PARKED.schemaResource());
        assertTrue(schema.validate(data).isEmpty());
        assertFalse(schema.validate(data.deepCopy().put("position", "MIDDLE")).isEmpty());
        assertFalse(schema.validate(data.deepCopy().put("statusAtPark", "WAITING")).isEmpty());
        assertFalse(schema.validate(data.deepCopy().put("waitedSeconds", -1)).isEmpty());

        TicketCalled called = (TicketCalled) EventSamples.byType().get(EventType.TICKET_CALLED);
        TicketCalled chosen = new TicketCalled(called.ticketId(), called.branchId(), called.ticketNumber(), called.businessType(),
                called.customerTier(), called.issuedAt(), called.calledAt(), called.counterId(), called.clerkId(),
                called.waitSeconds(), true, "ELDERLY", null);
        ObjectNode chosenData = (ObjectNode) JSON.readTree(EventCodec.toJson(CloudEvent.of("/hallwatch/test", EventSamples.T0, chosen)))
                .get("data");
        JsonSchema calledSchema = schema(EventType.TICKET_CALLED.schemaResource());
        assertTrue(calledSchema.validate(chosenData).isEmpty());
        assertFalse(calledSchema.validate(chosenData.deepCopy().put("callReason", "FRIEND_OF_CLERK")).isEmpty());
    }

    @Test
    void no_payload_field_can_carry_personal_data() {
        Set<String> forbidden = Set.of("phone", "mobile", "msisdn", "name", "email", "address", "idcard", "idnumber");
        for (EventType type : EventType.values()) {
            for (RecordComponent c : type.payloadClass().getRecordComponents()) {
                String field = c.getName().toLowerCase();
                assertTrue(forbidden.stream().noneMatch(field::contains), type + "." + c.getName() + " looks like personal data");
            }
        }
    }

    private static void assertValid(JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> errors = schema.validate(node);
        assertTrue(errors.isEmpty(), () -> errors + " in " + node);
    }

    private static JsonSchema schema(String resource) throws Exception {
        return FACTORY.getSchema(schemaNode(resource), CONFIG);
    }

    private static JsonNode schemaNode(String resource) throws Exception {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing " + resource);
            return JSON.readTree(in);
        }
    }
}
