package io.hallwatch.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<CloudEvent<?>> samples() {
        return EventSamples.events();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void every_event_type_survives_a_round_trip_unchanged(CloudEvent<?> event) {
        CloudEvent<?> back = EventCodec.fromBytes(EventCodec.toBytes(event));
        assertEquals(event, back);
    }

    @Test
    void every_event_type_has_a_sample() {
        assertEquals(EventType.values().length, EventSamples.byType().size());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void the_envelope_carries_the_cloudevents_attributes_and_the_ticket_as_subject(CloudEvent<?> event) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(event));
        assertEquals("1.0", json.get("specversion").asText());
        assertEquals(event.type(), json.get("type").asText());
        assertEquals(event.id().toString(), json.get("id").asText());
        assertEquals("2026-11-24T01:30:00Z", json.get("time").asText());
        assertEquals(event.data().subject(), json.get("subject").asText());
        assertEquals("application/json", json.get("datacontenttype").asText());
        assertEquals(event.data().recordKey(), event.key());
        if (event.data().branchId() != null) {
            assertEquals(EventSamples.BRANCH, event.key());
        }
    }

    @Test
    void a_watermark_is_keyed_by_producer_and_topic_so_that_compaction_keeps_each_producers_newest() {
        CloudEvent<?> mark = EventSamples.events().filter(e -> e.data() instanceof ProducerWatermark).findFirst().orElseThrow();
        assertEquals("queue-service/hallwatch.tickets.v1", mark.key());
        assertEquals(Topics.WATERMARKS, mark.topic());
        assertEquals(mark, EventCodec.fromJson(EventCodec.toJson(mark)));
    }

    @Test
    void the_standard_has_one_key_so_that_compaction_keeps_the_version_in_force() {
        CloudEvent<?> standard = EventSamples.events().filter(e -> e.data() instanceof StandardChanged).findFirst().orElseThrow();
        assertEquals("service-standard", standard.key());
        assertEquals("service-standard/v2", standard.subject());
        assertEquals(Topics.STANDARD, standard.topic());
        assertEquals(standard, EventCodec.fromJson(EventCodec.toJson(standard)));
    }

    @Test
    void ticket_events_use_the_ticket_and_branch_events_the_branch_as_subject() {
        EventSamples.all().forEach(p -> {
            if (p instanceof TicketEvent t) {
                assertEquals(t.ticketId(), p.subject());
            }
        });
        SlaCleared branchLevel = (SlaCleared) EventSamples.byType().get(EventType.SLA_CLEARED);
        assertEquals(EventSamples.BRANCH, branchLevel.subject());
        OfferOutcomeRecorded counter = (OfferOutcomeRecorded) EventSamples.byType().get(EventType.OFFER_OUTCOME_RECORDED);
        assertEquals(EventSamples.TICKET, counter.subject());
        OfferOutcomeRecorded campaign = new OfferOutcomeRecorded("o-1", EventSamples.BRANCH, "CAMPAIGN", "M2M", "ACCEPTED",
                EventSamples.T0, null, null, null, null, null, "c-1");
        assertEquals("c-1", campaign.subject());
    }

    @Test
    void a_call_from_a_producer_before_the_visit_features_reads_as_an_ordinary_call() throws Exception {
        TicketCalled called = (TicketCalled) EventSamples.byType().get(EventType.TICKET_CALLED);
        String json = EventCodec.toJson(CloudEvent.of("/hallwatch/test", EventSamples.T0, called));
        TicketCalled read = (TicketCalled) EventCodec.fromJson(json).data();
        assertEquals(called, read);
        org.junit.jupiter.api.Assertions.assertFalse(read.calledOutOfOrder());
        org.junit.jupiter.api.Assertions.assertFalse(read.servedAsWalkIn());
        org.junit.jupiter.api.Assertions.assertNull(read.callReason());
    }

    @Test
    void events_are_routed_to_their_topics() {
        assertEquals(Topics.TICKETS, EventType.TICKET_NO_SHOW.topic());
        assertEquals(Topics.TICKETS, EventType.TICKET_PARKED.topic());
        assertEquals(Topics.SERVICES, EventType.SERVICE_FINISHED.topic());
        assertEquals(Topics.SLA, EventType.SLA_BREACHED.topic());
        assertEquals(Topics.MARKETING, EventType.OFFER_RECOMMENDED.topic());
        assertEquals(Topics.MARKETING, EventType.OFFER_OUTCOME_RECORDED.topic());
        assertEquals("hallwatch.tickets.v1.dlq", Topics.dlq(Topics.TICKETS));
        assertEquals(10, Topics.allWithDeadLetters().size());
        assertEquals(Topics.WATERMARKS, EventType.PRODUCER_WATERMARK.topic());
    }

    @Test
    void an_unknown_type_is_rejected_with_its_name() throws Exception {
        ObjectNode json = sampleJson();
        json.put("type", "hallwatch.ticket.teleported.v1");
        UnknownEventTypeException e = assertThrows(UnknownEventTypeException.class,
                () -> EventCodec.fromJson(json.toString()));
        assertEquals("hallwatch.ticket.teleported.v1", e.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{", "[]", "42", "null", "\"text\"", "{\"specversion\":\"1.0\"}"})
    void malformed_json_is_rejected_with_a_typed_exception(String raw) {
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(raw));
    }

    @Test
    void a_null_or_empty_record_is_malformed_not_null() {
        assertThrows(MalformedEventException.class, () -> EventCodec.fromBytes(null));
        assertThrows(MalformedEventException.class, () -> EventCodec.fromBytes(new byte[0]));
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(null));
    }

    @Test
    void an_oversized_record_is_rejected_unread() {
        byte[] big = new byte[EventCodec.MAX_EVENT_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertThrows(MalformedEventException.class, () -> EventCodec.fromBytes(big));
    }

    @Test
    void a_missing_required_payload_field_is_rejected() throws Exception {
        ObjectNode json = sampleJson();
        ((ObjectNode) json.get("data")).remove("branchId");
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(json.toString()));
        assertTrue(e.getMessage().contains("branchId"), e.getMessage());
    }

    @Test
    void a_wrongly_typed_payload_field_is_rejected() throws Exception {
        ObjectNode json = sampleJson();
        ((ObjectNode) json.get("data")).put("issuedAt", "yesterday");
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(json.toString()));
        ObjectNode tier = sampleJson();
        ((ObjectNode) tier.get("data")).put("customerTier", "GOLD");
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(tier.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "time", "source", "specversion", "subject", "data"})
    void a_missing_envelope_attribute_is_rejected(String attribute) throws Exception {
        ObjectNode json = sampleJson();
        json.remove(attribute);
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(json.toString()));
    }

    @Test
    void an_id_that_is_not_a_uuid_or_a_time_that_is_not_a_timestamp_is_rejected() throws Exception {
        ObjectNode badId = sampleJson();
        badId.put("id", "42");
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(badId.toString()));
        ObjectNode badTime = sampleJson();
        badTime.put("time", "24/11/2026");
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(badTime.toString()));
    }

    @Test
    void a_payload_of_another_type_cannot_be_wrapped() {
        EventPayload issued = EventSamples.byType().get(EventType.TICKET_ISSUED);
        assertThrows(IllegalArgumentException.class, () -> new CloudEvent<>(java.util.UUID.randomUUID(),
                java.net.URI.create("/x"), EventType.TICKET_CALLED, EventSamples.T0, "s", issued));
    }

    @Test
    void extra_fields_from_a_newer_producer_are_tolerated() throws Exception {
        ObjectNode json = sampleJson();
        ((ObjectNode) json.get("data")).put("kioskId", "K-07");
        json.put("traceparent", "00-abc-def-01");
        CloudEvent<?> event = EventCodec.fromBytes(json.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(EventType.TICKET_ISSUED, event.eventType());
    }

    @Test
    void the_envelope_may_come_in_any_order_with_the_data_first() throws Exception {
        ObjectNode json = sampleJson();
        ObjectNode reordered = JSON.createObjectNode();
        reordered.set("data", json.get("data"));
        reordered.put("extension", "{\"not\": \"read\"}");
        reordered.putObject("nested").putArray("ignored").add(1).addObject().put("type", "not the envelope's");
        for (String attribute : new String[] {"subject", "time", "id", "type", "source", "specversion", "datacontenttype"}) {
            reordered.set(attribute, json.get(attribute));
        }
        assertEquals(EventCodec.fromJson(json.toString()), EventCodec.fromJson(reordered.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "time", "source", "specversion", "subject", "type"})
    void an_envelope_attribute_that_is_not_text_is_rejected_as_missing(String attribute) throws Exception {
        ObjectNode number = sampleJson();
        number.put(attribute, 42);
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(number.toString()));
        assertTrue(e.getMessage().contains("'" + attribute + "'"), e.getMessage());
        ObjectNode object = sampleJson();
        object.putObject(attribute).put("value", "1.0");
        assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(object.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "null", "7"})
    void data_that_is_not_an_object_is_rejected(String data) throws Exception {
        String json = sampleJson().toString();
        String withData = json.replaceFirst("\"data\":\\{[^}]*}", "\"data\":" + java.util.regex.Matcher.quoteReplacement(data));
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(withData));
        assertTrue(e.getMessage().endsWith("has no data object"), e.getMessage());
    }

    @Test
    void broken_json_inside_the_data_is_not_json_before_any_envelope_check() throws Exception {
        ObjectNode json = sampleJson();
        json.put("specversion", "0.3");
        String broken = json.toString().replace("\"branchId\":", "\"branchId\"");
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(broken));
        assertTrue(e.getMessage().startsWith("Not JSON"), e.getMessage());
    }

    private static ObjectNode sampleJson() throws Exception {
        CloudEvent<?> issued = CloudEvent.of("/hallwatch/test", EventSamples.T0, EventSamples.byType().get(EventType.TICKET_ISSUED));
        return (ObjectNode) JSON.readTree(EventCodec.toJson(issued));
    }
}
