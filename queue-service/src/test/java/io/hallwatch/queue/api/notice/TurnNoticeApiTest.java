package io.hallwatch.queue.api.notice;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketTurnNear;
import io.hallwatch.queue.api.Hall;
import io.hallwatch.queue.service.notice.TurnNoticeService;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.jwt.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.hallwatch.common.security.Roles.KIOSK;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** "Your turn is near" at the queue: the kiosk's consent, the branch setting, and the watch that tells the monitor once. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class TurnNoticeApiTest {

    @Inject
    MutableClock clock;
    @Inject
    TurnNoticeService notices;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void morning() {
        clock.set(Hall.MORNING);
    }

    private static io.restassured.response.ValidatableResponse consent(String ticketId) {
        return given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/tickets/" + ticketId + "/turn-notice").then();
    }

    private static void setAhead(Hall hall, Integer ahead, int status) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "测试营业厅", "opensAt", "08:00", "closesAt", "20:00",
                "businessTypes", List.of("PAYMENT", "GENERAL")));
        if (ahead != null) {
            body.put("turnNoticeAhead", ahead);
        }
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/branches/" + hall.branchId).then().statusCode(status);
    }

    private static List<TicketTurnNear> turnNear(List<CloudEvent<?>> events) {
        return events.stream().filter(e -> e.data() instanceof TicketTurnNear).map(e -> (TicketTurnNear) e.data()).toList();
    }

    private String toldAt(String ticketId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT told_at FROM turn_notice WHERE ticket_id = ?")) {
            s.setObject(1, UUID.fromString(ticketId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? String.valueOf(rs.getObject(1)) : "no row";
            }
        }
    }

    @Test
    void the_consent_is_201_the_first_time_200_when_repeated_and_names_the_branch_setting() {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        String ticket = hall.issued("PAYMENT", null);
        consent(ticket).statusCode(201).body("ticketId", equalTo(ticket)).body("branchId", equalTo(hall.branchId))
                .body("ticketNumber", equalTo("A001")).body("turnNoticeAhead", equalTo(3)).body("toldAt", nullValue())
                .body("requestedAt", equalTo("2026-11-24T02:00:00Z"));
        clock.set(Hall.MORNING.plusSeconds(60));
        consent(ticket).statusCode(200).body("requestedAt", equalTo("2026-11-24T02:00:00Z"));
    }

    @Test
    void a_ticket_that_no_longer_waits_is_409_and_an_unknown_one_404_both_problems() {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        String ticket = hall.issued("PAYMENT", null);
        Hall.act(ticket, "cancel").statusCode(200);
        consent(ticket).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/invalid-transition"));
        consent(UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/ticket-not-found"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/tickets/not-a-uuid/turn-notice").then()
                .statusCode(404);
    }

    @Test
    void a_kiosk_of_another_branch_is_403_with_nothing_about_the_ticket() {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        String ticket = hall.issued("PAYMENT", null);
        given().noFilters().header("Authorization", Tokens.role(KIOSK).branches("ELSEWHERE-1").bearer())
                .contentType(ContentType.JSON).body("{}").when().post("/api/v1/tickets/" + ticket + "/turn-notice").then()
                .statusCode(403).body("type", equalTo("https://hallwatch.io/problems/forbidden")).body("ticketNumber", nullValue());
    }

    @Test
    void the_branch_setting_is_1_to_20_and_3_when_left_out() {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        given().when().get("/api/v1/branches/" + hall.branchId).then().statusCode(200).body("turnNoticeAhead", equalTo(3));
        setAhead(hall, 5, 200);
        given().when().get("/api/v1/branches/" + hall.branchId).then().statusCode(200).body("turnNoticeAhead", equalTo(5));
        setAhead(hall, 0, 400);
        setAhead(hall, 21, 400);
        given().when().get("/api/v1/branches/" + hall.branchId).then().statusCode(200).body("turnNoticeAhead", equalTo(5));
        setAhead(hall, null, 200);
        given().when().get("/api/v1/branches/" + hall.branchId).then().statusCode(200).body("turnNoticeAhead", equalTo(3));
    }

    @Test
    void a_consenting_customer_is_told_once_when_the_people_ahead_reach_the_setting_and_never_again() throws Exception {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        setAhead(hall, 2, 200);
        for (int i = 0; i < 4; i++) {
            hall.issued("PAYMENT", null);
        }
        String ticket = hall.issued("PAYMENT", null); // 4 ahead
        consent(ticket).statusCode(201);

        notices.tellDue();
        assertEquals("null", toldAt(ticket), "4 ahead, told at 2: not yet");

        hall.callNext("C01", false, "PAYMENT").statusCode(200); // 3 ahead
        notices.tellDue();
        assertEquals("null", toldAt(ticket));

        hall.callNext("C01", false, "PAYMENT").statusCode(200); // 2 ahead: told
        notices.tellDue();
        assertFalse(toldAt(ticket).equals("null"));
        Hall.ticket(ticket).statusCode(200).body("peopleAhead", equalTo(2));
        consent(ticket).statusCode(200).body("peopleAheadTold", equalTo(2));

        hall.callNext("C01", false, "PAYMENT").statusCode(200); // 1 ahead: nothing more
        notices.tellDue();
        Hall.act(ticket, "cancel").statusCode(200);

        List<CloudEvent<?>> events = Hall.events(ticket, 3); // issued, turn-near, cancelled
        List<TicketTurnNear> told = turnNear(events);
        assertEquals(1, told.size(), "told exactly once: " + events);
        TicketTurnNear t = told.get(0);
        assertEquals(hall.branchId, t.branchId());
        assertEquals("A005", t.ticketNumber());
        assertEquals("PAYMENT", t.businessType());
        assertEquals(2, t.peopleAhead());
        assertEquals(ticket, t.ticketId());
        assertEquals(events.get(events.size() - 1).eventType().type(), "hallwatch.ticket.cancelled.v1");
    }

    @Test
    void a_ticket_called_before_a_watch_told_it_is_never_told_and_its_consent_is_forgotten() throws Exception {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        setAhead(hall, 1, 200);
        hall.issued("PAYMENT", null);
        hall.issued("PAYMENT", null);
        String ticket = hall.issued("PAYMENT", null); // 2 ahead, told at 1
        consent(ticket).statusCode(201);
        notices.tellDue();
        assertEquals("null", toldAt(ticket));
        // Its turn comes near and it is called before any watch ran (the test profile runs the watch only when told).
        hall.callNext("C01", false, "PAYMENT").statusCode(200);
        hall.callNext("C02", false, "PAYMENT").statusCode(200);
        hall.callNext("C03", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(ticket));
        notices.tellDue();
        assertEquals("no row", toldAt(ticket), "a consent whose ticket ended untold is forgotten");
        Hall.act(ticket, "no-show").statusCode(200);
        List<CloudEvent<?>> events = Hall.events(ticket, 3); // issued, called, no-show
        assertEquals(List.of(), turnNear(events), "never told once called");
    }

    @Test
    void a_watch_goes_past_whole_batches_of_customers_not_near_yet_and_ends() throws Exception {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        setAhead(hall, 1, 200);
        String near = hall.issued("GENERAL", null); // 0 ahead in its own queue
        for (int i = 0; i < 5; i++) {
            hall.issued("PAYMENT", null);
        }
        String last = null;
        for (int i = 0; i < 3; i++) {
            last = hall.issued("PAYMENT", null); // 5, 6, 7 ahead: not near
            consent(last).statusCode(201);
        }
        clock.set(Hall.MORNING.plusSeconds(1));
        consent(near).statusCode(201); // asked last: after two full batches of two
        notices.tellDue(2);
        assertFalse(toldAt(near).equals("null"), "reached past the batches of customers not near yet");
        assertEquals("null", toldAt(last));
    }

    @Test
    void a_visit_called_then_parked_back_before_a_watch_is_never_told_and_a_parked_one_takes_no_consent() throws Exception {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        setAhead(hall, 1, 200);
        String ticket = hall.issued("PAYMENT", null);
        hall.issued("PAYMENT", null);
        consent(ticket).statusCode(201); // 0 ahead: due at the next watch
        hall.callNext("C01", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(ticket));
        given().contentType(ContentType.JSON).body("{\"position\":\"FRONT\"}").when().post("/api/v1/tickets/" + ticket + "/park")
                .then().statusCode(200).body("status", equalTo("WAITING"));
        notices.tellDue();
        assertEquals("no row", toldAt(ticket), "called once: its consent is forgotten, never told");
        consent(ticket).statusCode(409).body("type", equalTo("https://hallwatch.io/problems/invalid-transition"));
        Hall.act(ticket, "cancel").statusCode(200);
        List<CloudEvent<?>> events = Hall.events(ticket, 4); // issued, called, parked, cancelled
        assertEquals(List.of(), turnNear(events));
    }

    @Test
    void two_watches_at_once_tell_a_customer_once() throws Exception {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        hall.issued("PAYMENT", null);
        String ticket = hall.issued("PAYMENT", null); // 1 ahead, told at 3: due at once
        consent(ticket).statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> watch = () -> {
                start.await();
                return notices.tellDue();
            };
            List<Future<Integer>> runs = List.of(pool.submit(watch), pool.submit(watch), pool.submit(watch), pool.submit(watch));
            start.countDown();
            for (Future<Integer> r : runs) {
                r.get();
            }
        } finally {
            pool.shutdown();
        }
        Hall.act(ticket, "cancel").statusCode(200);
        List<CloudEvent<?>> events = Hall.events(ticket, 3);
        assertEquals(1, turnNear(events).size(), "told once: " + events);
        assertEquals(1, turnNear(events).get(0).peopleAhead());
    }
}
