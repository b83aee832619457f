package io.hallwatch.sla.service.notice;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.common.db.Db;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventPayload;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketTurnNear;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.client.alerting.ChannelStub;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Your turn is near" through the real topic, the real database and the SMS gateway's stand-in (which checks the signature). */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStub.class, scope = TestResourceScope.GLOBAL)
class TurnNoticeFlowTest {
    private static final Duration KAFKA = Duration.ofSeconds(20);
    private static final String PHONE = "13812345678";

    @Inject
    MutableClock clock;
    @Inject
    Db db;
    @Inject
    TurnNoticeSender sender;

    private String branch;
    private String ticket;

    @BeforeEach
    void a_ticket() {
        ChannelStub.reset();
        branch = "TN-" + UUID.randomUUID().toString().substring(0, 8);
        issue();
    }

    /** A new ticket at the branch, as the queue issues it: the monitor takes numbers only for tickets it has seen. */
    private void issue() {
        ticket = TimeOrderedIds.next().toString();
        awaitApplied(publish(new TicketIssued(ticket, branch, "A012", "PAYMENT", CustomerTier.NORMAL, clock.instant(), null)));
    }

    @AfterEach
    void reset() {
        ChannelStub.reset();
    }

    private void putPhone(String phone) {
        given().contentType(ContentType.JSON).body("{\"branchId\":\"" + branch + "\",\"phone\":\"" + phone + "\"}")
                .put("/api/v1/tickets/{t}/turn-notice-contact", ticket).then().statusCode(200)
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
    }

    private CloudEvent<?> publish(EventPayload payload) {
        CloudEvent<?> e = CloudEvent.of("/hallwatch/queue-service", clock.instant(), payload);
        produce(e);
        return e;
    }

    private void produce(CloudEvent<?> e) {
        KafkaTestClient.produce(Topics.TICKETS, branch, EventCodec.toBytes(e));
    }

    private void awaitApplied(CloudEvent<?> e) {
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM event_journal WHERE event_id = ?", e.id()) == 1);
    }

    private TicketTurnNear near(int ahead) {
        return new TicketTurnNear(ticket, branch, "A012", "PAYMENT", ahead, clock.instant());
    }

    private List<ChannelStub.Received> smsFor(String ticketId) {
        return ChannelStub.received("sms").stream()
                .filter(r -> r.body().path("SessionContext").asText().equals("turn-notice:" + ticketId)).toList();
    }

    private String phoneHeld() {
        return db.one("SELECT phone FROM turn_notice_contact WHERE ticket_id = ?", rs -> String.valueOf(rs.getString(1)), ticket)
                .orElse("no row");
    }

    @Test
    void the_turn_near_event_sends_exactly_one_signed_sms_and_erases_the_number() {
        putPhone(PHONE);
        CloudEvent<?> told = publish(near(3));
        await().atMost(KAFKA).until(() -> smsFor(ticket).size() == 1);
        JsonNode body = smsFor(ticket).get(0).body();
        assertEquals("TURN_NEAR", body.path("TemplateId").asText());
        assertEquals("+86" + PHONE, body.path("PhoneNumberSet").get(0).asText());
        assertEquals("A012", body.path("TemplateParamSet").get(0).asText());
        assertEquals("3", body.path("TemplateParamSet").get(1).asText());
        assertEquals(List.of(), ChannelStub.REJECTED, "signed and well formed as the gateway wants it");
        await().atMost(KAFKA).until(() -> phoneHeld().equals("null"));
        assertEquals(1, db.count("SELECT count(*) FROM turn_notice_contact WHERE ticket_id = ? AND sent_at IS NOT NULL", ticket));

        // The same event redelivered, and the queue's word again under a new id: nothing more is sent.
        produce(told);
        CloudEvent<?> again = publish(near(2));
        awaitApplied(again);
        sender.sendDue();
        assertEquals(1, smsFor(ticket).size());
        given().contentType(ContentType.JSON).body("{\"branchId\":\"" + branch + "\",\"phone\":\"" + PHONE + "\"}")
                .put("/api/v1/tickets/{t}/turn-notice-contact", ticket).then().statusCode(409)
                .body("type", equalTo("https://hallwatch.io/problems/turn-notice-closed"));
        assertEquals("null", phoneHeld(), "a number given after the SMS went is not kept");

        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(java.util.regex.Pattern.compile("(?m)^hallwatch_turn_notices_sent_total\\{outcome=\"sent\",?} [1-9]")
                .matcher(metrics).find(), "the counter is exported: " + metrics.lines()
                .filter(l -> l.contains("turn_notices")).toList());
        assertTrue(!metrics.contains(PHONE) && !metrics.contains(ticket), "no number or ticket in a metric");
    }

    @Test
    void a_ticket_called_before_its_turn_was_near_loses_its_number_and_is_never_told() {
        putPhone(PHONE);
        CloudEvent<?> called = publish(new TicketCalled(ticket, branch, "A012", "PAYMENT", CustomerTier.NORMAL, clock.instant(),
                clock.instant(), "C01", "clerk-1", 0));
        awaitApplied(called);
        assertEquals("no row", phoneHeld(), "the number is erased once the ticket is called");

        CloudEvent<?> late = publish(near(0)); // the queue's word arriving after the call
        awaitApplied(late);
        sender.sendDue();
        assertEquals(List.of(), smsFor(ticket));
        assertEquals("null", phoneHeld(), "nothing to send: no number");
        given().contentType(ContentType.JSON).body("{\"branchId\":\"" + branch + "\",\"phone\":\"" + PHONE + "\"}")
                .put("/api/v1/tickets/{t}/turn-notice-contact", ticket).then().statusCode(409)
                .body("type", equalTo("https://hallwatch.io/problems/ticket-not-waiting"));
    }

    @Test
    void the_queues_word_before_the_number_sends_as_soon_as_the_number_comes() {
        CloudEvent<?> told = publish(near(1));
        awaitApplied(told);
        sender.sendDue();
        assertEquals(List.of(), smsFor(ticket));
        putPhone("15900001111");
        await().atMost(KAFKA).until(() -> smsFor(ticket).size() == 1);
        assertEquals("+8615900001111", smsFor(ticket).get(0).body().path("PhoneNumberSet").get(0).asText());
    }

    @Test
    void a_gateway_failure_is_tried_again_after_the_backoff_and_a_refusal_gives_up_and_erases_the_number() {
        ChannelStub.MODES.put("sms", ChannelStub.Mode.FAIL);
        putPhone(PHONE);
        CloudEvent<?> told = publish(near(3));
        awaitApplied(told);
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM turn_notice_contact WHERE ticket_id = ? AND attempts = 1",
                ticket) == 1);
        assertEquals(PHONE, phoneHeld(), "kept for the next attempt");
        assertNotNull(db.one("SELECT last_error FROM turn_notice_contact WHERE ticket_id = ?", rs -> rs.getString(1), ticket)
                .orElse(null));

        ChannelStub.MODES.put("sms", ChannelStub.Mode.OK);
        clock.set(clock.instant().plusSeconds(2));
        sender.sendDue();
        await().atMost(KAFKA).until(() -> smsFor(ticket).size() == 1 && phoneHeld().equals("null"));

        // Another customer: the gateway refuses the request for good.
        issue();
        ChannelStub.MODES.put("sms", ChannelStub.Mode.REJECT);
        putPhone(PHONE);
        CloudEvent<?> refused = publish(near(2));
        awaitApplied(refused);
        await().atMost(KAFKA).until(() -> db.count(
                "SELECT count(*) FROM turn_notice_contact WHERE ticket_id = ? AND failed_at IS NOT NULL", ticket) == 1);
        assertEquals("null", phoneHeld(), "given up: the number is erased");
        assertEquals(0, db.count("SELECT count(*) FROM turn_notice_contact WHERE ticket_id = ? AND sent_at IS NOT NULL", ticket));
        assertEquals(List.of(), smsFor(ticket));
    }
}
