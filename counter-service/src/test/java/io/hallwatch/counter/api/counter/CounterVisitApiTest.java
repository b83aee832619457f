package io.hallwatch.counter.api.counter;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventType;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.Topics;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 25 at the counter: walk-in, a chosen call, park and return, visit notes and the business types handled. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = QueueStub.class, scope = TestResourceScope.GLOBAL)
class CounterVisitApiTest {
    private static final Instant MORNING = Instant.parse("2026-11-24T02:00:00Z");
    private static final String PROBLEMS = "https://hallwatch.io/problems/";

    @Inject
    MutableClock clock;

    private String branch;
    private String clerk;

    @BeforeEach
    void openCounters() {
        clock.set(MORNING);
        QueueStub.failing = false;
        branch = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        clerk = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        for (String counter : List.of("C01", "C02")) {
            given().contentType(ContentType.JSON).body(Map.of("label", counter, "vip", false, "skills", List.of("PAYMENT", "GENERAL",
                    "BROADBAND"))).when().put(base(counter)).then().statusCode(201);
        }
        post("C01", "sign-in", Map.of("clerkId", clerk)).statusCode(200);
    }

    @AfterEach
    void healQueue() {
        QueueStub.failing = false;
    }

    @Test
    void a_walk_in_is_called_at_the_counter_served_as_usual_and_counted_in_the_clerks_report() {
        String ticket = given().contentType(ContentType.JSON).header("Idempotency-Key", "walk-1").body(Map.of("businessType", "PAYMENT"))
                .when().post(base("C01") + "/walk-in").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("customer.businessType", equalTo("PAYMENT"))
                .extract().path("customer.ticketId");
        assertTrue(QueueStub.REQUESTS.stream().anyMatch(r -> r.startsWith("POST /api/v1/branches/" + branch + "/queue/walk-in")
                && r.contains("\"counterId\":\"C01\"") && r.contains("\"clerkId\":\"" + clerk + "\"")));
        assertTrue(QueueStub.WALK_IN_KEYS.contains(branch + " walk-1"), "the click's key goes to the queue");
        post("C01", "service/start", null).statusCode(200).body("status", equalTo("SERVING"));
        clock.advance(Duration.ofSeconds(90));
        post("C01", "service/finish", Map.of("outcome", "COMPLETED")).statusCode(200);
        ServiceFinished finished = (ServiceFinished) KafkaTestClient.eventsAbout(Topics.SERVICES, ticket, 2).get(1).data();
        assertEquals(90, finished.handlingSeconds());
        given().when().get("/api/v1/clerks/" + clerk + "/daily-report?date=2026-11-24").then().statusCode(200)
                .body("served", equalTo(1)).body("businessTypes[0].businessType", equalTo("PAYMENT"));
    }

    @Test
    void a_walk_in_of_a_type_the_counter_does_not_serve_or_the_branch_does_not_offer_or_while_busy_is_refused() {
        post("C01", "walk-in", Map.of("businessType", "NEW_LINE")).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "business-type-not-served"));
        post("C01", "walk-in", Map.of("businessType", "BROADBAND")).statusCode(422)
                .body("type", equalTo(PROBLEMS + "business-type-not-offered"));
        post("C01", "walk-in", Map.of("businessType", "payment")).statusCode(400).contentType("application/problem+json");
        post("C01", "walk-in", Map.of()).statusCode(400);
        post("C02", "walk-in", Map.of("businessType", "PAYMENT")).statusCode(409)
                .body("type", equalTo(PROBLEMS + "counter-state-conflict"));
        post("C01", "walk-in", Map.of("businessType", "PAYMENT")).statusCode(200);
        post("C01", "walk-in", Map.of("businessType", "PAYMENT")).statusCode(409)
                .body("type", equalTo(PROBLEMS + "counter-state-conflict"));
        QueueStub.failing = true;
        post("C01", "park", Map.of("position", "BACK")).statusCode(503).body("type", equalTo(PROBLEMS + "queue-unavailable"));
    }

    @Test
    void a_chosen_ticket_is_called_with_its_reason_and_the_queues_refusal_is_passed_on() {
        String chosen = TimeOrderedIds.next().toString();
        QueueStub.CHOSEN.put(chosen, "A007");
        post("C01", "call-ticket", Map.of("ticketId", chosen, "reason", "ELDERLY")).statusCode(200)
                .body("customer.ticketId", equalTo(chosen)).body("customer.number", equalTo("A007"));
        assertTrue(QueueStub.REQUESTS.stream().anyMatch(r -> r.startsWith("POST /api/v1/branches/" + branch + "/queue/call-ticket")
                && r.contains("\"reason\":\"ELDERLY\"") && r.contains(chosen)));
        post("C01", "no-show", null).statusCode(200);

        post("C01", "call-ticket", Map.of("ticketId", UUID.randomUUID().toString(), "reason", "DISABLED")).statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "ticket-not-found"));
        post("C01", "call-ticket", Map.of("ticketId", chosen, "reason", "FRIEND")).statusCode(400);
        post("C01", "call-ticket", Map.of("ticketId", "nope", "reason", "ELDERLY")).statusCode(400);
        post("C01", "call-ticket", Map.of("reason", "ELDERLY")).statusCode(400);
        given().when().get(base("C01")).then().body("customer", nullValue());
    }

    @Test
    void a_parked_service_ends_unfinished_with_its_note_which_the_next_clerk_reads_with_the_finish_note() {
        String chosen = TimeOrderedIds.next().toString();
        QueueStub.CHOSEN.put(chosen, "A011");
        post("C01", "call-ticket", Map.of("ticketId", chosen, "reason", "RETURNING")).statusCode(200);
        post("C01", "service/start", null).statusCode(200);
        clock.advance(Duration.ofMinutes(3));
        post("C01", "park", Map.of("position", "FRONT", "note", "needs the ID card original; copy taken")).statusCode(200)
                .body("status", equalTo("OPEN")).body("customer", nullValue());
        assertTrue(QueueStub.REQUESTS.stream().anyMatch(r -> r.startsWith("POST /api/v1/tickets/" + chosen + "/park")
                && r.contains("\"position\":\"FRONT\"")));
        // The parked service is no service served in the report.
        given().when().get("/api/v1/clerks/" + clerk + "/daily-report?date=2026-11-24").then().body("served", equalTo(0));

        // Back with the document, served at the next counter, then transferred: the next clerk reads both notes.
        String second = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        post("C02", "sign-in", Map.of("clerkId", second)).statusCode(200);
        post("C02", "call-ticket", Map.of("ticketId", chosen, "reason", "RETURNING")).statusCode(200)
                .body("customer.previousNotes", hasSize(1))
                .body("customer.previousNotes[0].note", equalTo("needs the ID card original; copy taken"))
                .body("customer.previousNotes[0].counterId", equalTo("C01"))
                .body("customer.previousNotes[0].outcome", nullValue());
        post("C02", "service/start", null).statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        post("C02", "service/finish", Map.of("outcome", "REFERRED", "note", "new line wanted: sent to NEW_LINE",
                "businessTypesHandled", List.of("GENERAL"))).statusCode(200);
        ServiceFinished finished = (ServiceFinished) KafkaTestClient.eventsAbout(Topics.SERVICES, chosen, 3).get(2).data();
        assertEquals(List.of("GENERAL"), finished.businessTypesHandled());
        assertEquals(60, finished.handlingSeconds(), "the second service alone");
        String json = io.hallwatch.events.EventCodec.toJson(KafkaTestClient.eventsAbout(Topics.SERVICES, chosen, 3).get(2));
        assertFalse(json.contains("new line wanted"), "a note never travels in an event");

        post("C01", "call-ticket", Map.of("ticketId", chosen, "reason", "SUPERVISOR")).statusCode(200)
                .body("customer.previousNotes", hasSize(2))
                .body("customer.previousNotes[1].note", equalTo("new line wanted: sent to NEW_LINE"))
                .body("customer.previousNotes[1].outcome", equalTo("REFERRED"))
                .body("customer.previousNotes[1].clerkId", equalTo(second));
        given().when().get("/api/v1/branches/" + branch + "/counters").then().statusCode(200)
                .body("find { it.counterId == 'C01' }.customer.previousNotes", hasSize(2));
        given().when().get("/api/v1/clerks/" + second + "/daily-report?date=2026-11-24").then().body("served", equalTo(1));
        // The services topic has the second service only: a parked service publishes no finish (the queue's park does).
        assertEquals(List.of(EventType.SERVICE_STARTED, EventType.SERVICE_STARTED, EventType.SERVICE_FINISHED),
                KafkaTestClient.eventsAbout(Topics.SERVICES, chosen, 3).stream().map(CloudEvent::eventType).toList());
    }

    @Test
    void a_note_with_a_phone_number_or_too_long_is_refused_and_changes_nothing() {
        post("C01", "walk-in", Map.of("businessType", "GENERAL")).statusCode(200);
        post("C01", "service/start", null).statusCode(200);
        post("C01", "service/finish", Map.of("outcome", "COMPLETED", "note", "call him back on 138 1234 5678")).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "note-contains-phone-number"))
                .body(not(containsString("5678")));
        post("C01", "service/finish", Map.of("outcome", "COMPLETED", "note", "x".repeat(256))).statusCode(400)
                .contentType("application/problem+json");
        post("C01", "park", Map.of("position", "BACK", "note", "+86 20 8888 8888")).statusCode(422)
                .body("type", equalTo(PROBLEMS + "note-contains-phone-number"));
        post("C01", "park", Map.of("position", "SIDEWAYS")).statusCode(400);
        given().when().get(base("C01")).then().body("status", equalTo("SERVING"));
        post("C01", "service/finish", Map.of("outcome", "COMPLETED", "note", "x".repeat(255))).statusCode(200);
        post("C01", "park", Map.of("position", "BACK")).statusCode(409).body("type", equalTo(PROBLEMS + "counter-state-conflict"));
    }

    @Test
    void a_branch_that_requires_the_business_types_handled_refuses_a_finish_without_them() {
        given().when().get("/api/v1/branches/" + branch + "/counter-settings").then().statusCode(200)
                .body("businessTypesHandledRequired", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("businessTypesHandledRequired", true))
                .when().put("/api/v1/branches/" + branch + "/counter-settings").then().statusCode(200)
                .body("businessTypesHandledRequired", equalTo(true));
        post("C01", "walk-in", Map.of("businessType", "GENERAL")).statusCode(200);
        post("C01", "service/start", null).statusCode(200);
        post("C01", "service/finish", Map.of("outcome", "COMPLETED")).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "business-types-handled-required"));
        post("C01", "service/finish", Map.of("outcome", "COMPLETED", "businessTypesHandled", List.of())).statusCode(422);
        post("C01", "service/finish", Map.of("outcome", "COMPLETED", "businessTypesHandled", List.of("GENERAL", "PAYMENT")))
                .statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("businessTypesHandledRequired", false))
                .when().put("/api/v1/branches/lower-case/counter-settings").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/branches/" + branch + "/counter-settings").then()
                .statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/branches/" + branch + "/counter-settings").then().body("businessTypesHandledRequired", equalTo(true));
    }

    private static String baseOf(String branch, String counter) {
        return "/api/v1/branches/" + branch + "/counters/" + counter;
    }

    private String base(String counter) {
        return baseOf(branch, counter);
    }

    private ValidatableResponse post(String counter, String action, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post(base(counter) + "/" + action).then();
    }
}
