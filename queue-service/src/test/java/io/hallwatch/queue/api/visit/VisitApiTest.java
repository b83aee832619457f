package io.hallwatch.queue.api.visit;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.queue.service.handling.HandlingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.hallwatch.events.EventType;
import io.hallwatch.events.ParkPosition;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketParked;
import io.hallwatch.queue.api.Hall;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 25, counter items 1–3 at the queue: walk-in, a chosen call, park and return, through REST and the tickets topic. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class VisitApiTest {
    private static final String PROBLEMS = "https://hallwatch.io/problems/";

    @Inject
    MutableClock clock;
    @Inject
    HandlingService handling;

    @BeforeEach
    void morning() {
        clock.set(Hall.MORNING);
    }

    private static ValidatableResponse walkIn(Hall hall, String counter, String key, String type, String... serves) {
        var request = given().contentType(ContentType.JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("counterId", counter, "clerkId", "clerk-" + counter, "businessTypes", List.of(serves),
                        "businessType", type))
                .when().post("/api/v1/branches/" + hall.branchId + "/queue/walk-in").then();
    }

    private static ValidatableResponse callTicket(Hall hall, String counter, Object ticketId, String reason, String... serves) {
        Map<String, Object> body = new HashMap<>(Map.of("counterId", counter, "clerkId", "clerk-" + counter,
                "businessTypes", List.of(serves), "vipCounter", false, "ticketId", ticketId));
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/branches/" + hall.branchId + "/queue/call-ticket").then();
    }

    private static ValidatableResponse park(String ticketId, String position) {
        return given().contentType(ContentType.JSON).body("{\"position\":\"" + position + "\"}")
                .when().post("/api/v1/tickets/" + ticketId + "/park").then();
    }

    /** How many waits the wait histogram has counted for the hall's payments. */
    private static double waitsMeasured(Hall hall) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("hallwatch_ticket_wait_seconds_count{")
                        && l.contains("branch=\"" + hall.branchId + "\"") && l.contains("business_type=\"PAYMENT\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    // --- walk-in

    @Test
    void a_walk_in_is_a_ticket_called_at_the_counter_at_once_with_no_wait_and_says_so_on_both_events() {
        Hall hall = Hall.open();
        hall.issued("PAYMENT", null); // someone waits: the walk-in does not take their turn or their number
        String id = walkIn(hall, "C1", "click-1", "PAYMENT", "PAYMENT", "GENERAL").statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("status", equalTo("CALLED")).body("walkIn", equalTo(true)).body("counterId", equalTo("C1"))
                .body("number", equalTo("A002")).body("calledAt", equalTo("2026-11-24T02:00:00Z"))
                .extract().path("ticketId");
        List<CloudEvent<?>> events = Hall.events(id, 2);
        TicketIssued issued = (TicketIssued) events.get(0).data();
        TicketCalled called = (TicketCalled) events.get(1).data();
        assertTrue(issued.servedAsWalkIn());
        assertTrue(called.servedAsWalkIn());
        assertEquals(0, called.waitSeconds());
        assertEquals(issued.issuedAt(), called.calledAt());
        assertFalse(called.calledOutOfOrder());

        // The retried click answers the same ticket and makes no second one.
        walkIn(hall, "C1", "click-1", "PAYMENT", "PAYMENT", "GENERAL").statusCode(200)
                .header("Idempotent-Replayed", "true").body("ticketId", equalTo(id));
        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day").then().statusCode(200)
                .body("tickets.issued", equalTo(2)).body("tickets.walkIns", equalTo(1));
        // The walk-in was never in the queue: the one who waits still waits first.
        hall.callNext("C2", false, "PAYMENT").statusCode(200).body("number", equalTo("A001"));
    }

    @Test
    void a_walk_in_the_counter_does_not_serve_or_the_branch_does_not_offer_or_nobody_knows_is_refused() {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        walkIn(hall, "C1", null, "GENERAL", "PAYMENT").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "business-type-not-served"));
        walkIn(hall, "C1", null, "BROADBAND", "PAYMENT", "BROADBAND").statusCode(422)
                .body("type", equalTo(PROBLEMS + "business-type-not-offered"));
        walkIn(hall, "C1", null, "TELEPORT", "PAYMENT").statusCode(400).contentType("application/problem+json");
        walkIn(hall, "C1", null, "payment", "PAYMENT").statusCode(400).contentType("application/problem+json");
        walkIn(hall, "C1", "click-2", "PAYMENT", "PAYMENT").statusCode(201);
        walkIn(hall, "C1", "click-2", "GENERAL", "GENERAL").statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day").then().body("tickets.issued", equalTo(1));
    }

    @Test
    void no_walk_in_after_closing() {
        Hall hall = Hall.open();
        clock.set(Hall.MORNING.plus(Duration.ofHours(11))); // 21:00 in Shanghai, closed at 20:00
        walkIn(hall, "C1", null, "PAYMENT", "PAYMENT").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "branch-closed"));
    }

    // --- a chosen call

    @Test
    void a_chosen_ticket_ahead_of_its_turn_is_called_out_of_order_with_its_reason_and_counted_for_the_clerk() {
        Hall hall = Hall.open();
        String first = hall.issued("PAYMENT", null);
        clock.advance(Duration.ofMinutes(1));
        String elderly = hall.issued("PAYMENT", null);
        clock.advance(Duration.ofMinutes(2));
        callTicket(hall, "C1", elderly, "ELDERLY", "PAYMENT").statusCode(200)
                .body("ticketId", equalTo(elderly)).body("status", equalTo("CALLED")).body("counterId", equalTo("C1"))
                .body("callReason", equalTo("ELDERLY")).body("outOfOrder", equalTo(true));
        TicketCalled called = (TicketCalled) Hall.events(elderly, 2).get(1).data();
        assertTrue(called.calledOutOfOrder());
        assertEquals("ELDERLY", called.callReason());
        assertEquals(120, called.waitSeconds());

        // The first in line chosen is not out of order: nobody was jumped.
        callTicket(hall, "C2", first, "SUPERVISOR", "PAYMENT").statusCode(200).body("outOfOrder", equalTo(false));
        TicketCalled inOrder = (TicketCalled) Hall.events(first, 2).get(1).data();
        assertFalse(inOrder.calledOutOfOrder());
        assertEquals("SUPERVISOR", inOrder.callReason());

        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day").then().statusCode(200)
                .body("outOfOrderCallsByClerk.clerk-C1", equalTo(1))
                .body("outOfOrderCallsByClerk.clerk-C2", nullValue());
    }

    @Test
    void a_chosen_call_of_a_ticket_not_waiting_not_served_here_unknown_or_elsewhere_or_without_reason_is_refused() {
        Hall hall = Hall.open();
        Hall elsewhere = Hall.open();
        String called = hall.issued("PAYMENT", null);
        hall.callNext("C1", false, "PAYMENT").statusCode(200);
        String broadband = hall.issued("BROADBAND", null);
        String theirs = elsewhere.issued("PAYMENT", null);

        callTicket(hall, "C2", called, "ELDERLY", "PAYMENT").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-transition"));
        callTicket(hall, "C2", broadband, "ELDERLY", "PAYMENT").statusCode(422)
                .body("type", equalTo(PROBLEMS + "business-type-not-served"));
        callTicket(hall, "C2", UUID.randomUUID().toString(), "ELDERLY", "PAYMENT").statusCode(404)
                .body("type", equalTo(PROBLEMS + "ticket-not-found"));
        callTicket(hall, "C2", theirs, "ELDERLY", "PAYMENT").statusCode(404)
                .body("type", equalTo(PROBLEMS + "ticket-not-found"));
        callTicket(hall, "C2", broadband, null, "BROADBAND").statusCode(400).contentType("application/problem+json");
        callTicket(hall, "C2", broadband, "FRIEND", "BROADBAND").statusCode(400).contentType("application/problem+json");
        callTicket(hall, "C2", "not-a-uuid", "ELDERLY", "BROADBAND").statusCode(400).contentType("application/problem+json");
        Hall.ticket(broadband).body("status", equalTo("WAITING"));
        Hall.ticket(theirs).body("status", equalTo("WAITING"));
    }

    // --- park and return

    @Test
    void a_parked_visit_waits_again_with_the_wait_it_had_and_not_the_time_at_the_counter() {
        Hall hall = Hall.open();
        String id = hall.issued("PAYMENT", null);
        clock.advance(Duration.ofMinutes(4));
        hall.callNext("C1", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(id));
        clock.advance(Duration.ofMinutes(3)); // called, at the counter: not waiting
        park(id, "BACK").statusCode(200).body("status", equalTo("WAITING")).body("parkCount", equalTo(1))
                .body("counterId", nullValue()).body("calledAt", nullValue());
        TicketParked parked = (TicketParked) Hall.events(id, 3).get(2).data();
        assertEquals(ParkPosition.BACK, parked.position());
        assertEquals("CALLED", parked.statusAtPark());
        assertEquals("C1", parked.counterId());
        assertEquals(240, parked.waitedSeconds());
        assertEquals(EventType.TICKET_PARKED, Hall.events(id, 3).get(2).eventType());

        clock.advance(Duration.ofMinutes(2));
        double measured = waitsMeasured(hall);
        hall.callNext("C2", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(id));
        assertEquals(1.0, measured, "the first call measured the wait");
        assertEquals(measured, waitsMeasured(hall), "the wait was measured at the first call, not again");
        TicketCalled again = (TicketCalled) Hall.events(id, 4).get(3).data();
        assertEquals(360, again.waitSeconds(), "4 minutes before the park and 2 after it");
        assertEquals(Hall.MORNING, again.issuedAt(), "the original issue is kept");
    }

    @Test
    void a_visit_parked_to_the_front_is_called_next_and_by_original_issue_before_those_issued_later() {
        Hall hall = Hall.open();
        String parkedFront = hall.issued("PAYMENT", null);
        hall.callNext("C1", false, "PAYMENT").statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        String waiting = hall.issued("PAYMENT", null);
        clock.advance(Duration.ofMinutes(1));
        park(parkedFront, "FRONT").statusCode(200);
        hall.callNext("C2", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(parkedFront));

        park(parkedFront, "ORIGINAL").statusCode(200).body("parkCount", equalTo(2));
        clock.advance(Duration.ofMinutes(1));
        hall.issued("PAYMENT", null);
        hall.callNext("C2", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(parkedFront));
        hall.callNext("C3", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(waiting));
    }

    @Test
    void a_visit_in_service_parks_its_service_and_is_announced_as_such() {
        Hall hall = Hall.open();
        String id = hall.issued("PAYMENT", null);
        hall.callNext("C1", false, "PAYMENT").statusCode(200);
        // As the queue learns a start from the counter-service's event (ServiceProgress), here by the same rule.
        QuarkusTransaction.requiringNew().run(() -> handling.started(new ServiceStarted(id, hall.branchId, "A001", "PAYMENT",
                CustomerTier.NORMAL, "C1", "clerk-C1", clock.instant())));
        Hall.ticket(id).body("status", equalTo("SERVING"));
        park(id, "ORIGINAL").statusCode(200).body("status", equalTo("WAITING"));
        TicketParked parked = (TicketParked) Hall.events(id, 3).get(2).data();
        assertEquals("SERVING", parked.statusAtPark());
        assertEquals(0, parked.waitedSeconds());
    }

    @Test
    void only_a_called_or_serving_visit_parks_and_a_bad_position_or_unknown_ticket_is_a_problem() {
        Hall hall = Hall.open();
        String id = hall.issued("PAYMENT", null);
        park(id, "BACK").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-transition"));
        park(id, "MIDDLE").statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/tickets/" + id + "/park").then()
                .statusCode(400).contentType("application/problem+json");
        park(UUID.randomUUID().toString(), "BACK").statusCode(404).body("type", equalTo(PROBLEMS + "ticket-not-found"));
        Hall.ticket(id).body("status", equalTo("WAITING")).body("parkCount", equalTo(0));
    }
}
