package io.hallwatch.queue.api.ticket;

import io.hallwatch.queue.api.Hall;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.agroal.api.AgroalDataSource;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventType;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketTransferred;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class TicketApiTest {
    /** 10:00 in Guangzhou. */
    static final Instant MORNING = Hall.MORNING;

    @Inject
    MutableClock clock;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void morning() {
        clock.set(MORNING);
    }

    @Test
    void a_kiosk_issues_a_ticket_with_number_estimate_and_advice_and_the_event_lands_once() {
        Hall hall = Hall.open();
        hall.issued("PAYMENT", null);
        String ticketId = hall.issue("PAYMENT", "NORMAL").statusCode(201)
                .body("number", equalTo("A002"))
                .body("status", equalTo("WAITING"))
                .body("tier", equalTo("NORMAL"))
                .body("peopleAhead", equalTo(1))
                .body("position", equalTo(2))
                .body("estimatedWaitMinutes", notNullValue())
                .body("advice.code", equalTo("SELF_SERVICE_PAYMENT"))
                .body("issuedAt", equalTo("2026-11-24T02:00:00Z"))
                .extract().path("ticketId");
        Hall.ticket(ticketId).statusCode(200).body("number", equalTo("A002"));

        List<CloudEvent<?>> events = Hall.events(ticketId, 1);
        assertEquals(1, events.size());
        TicketIssued issued = (TicketIssued) events.get(0).data();
        assertEquals(hall.branchId, events.get(0).key());
        assertEquals("A002", issued.ticketNumber());
        assertEquals(MORNING, events.get(0).time());
    }

    @Test
    void the_location_header_names_the_new_ticket() {
        Hall hall = Hall.open();
        var response = hall.issue("BROADBAND", null).statusCode(201).extract();
        assertTrue(response.header("Location").endsWith("/api/v1/tickets/" + response.path("ticketId")));
        assertEquals("D001", response.path("number"));
    }

    @Test
    void numbers_are_per_prefix_and_restart_the_next_branch_day() {
        Hall hall = Hall.open();
        hall.issue("PAYMENT", null).body("number", equalTo("A001"));
        hall.issue("NEW_LINE", null).body("number", equalTo("C001"));
        hall.issue("PAYMENT", null).body("number", equalTo("A002"));
        clock.set(MORNING.plus(Duration.ofDays(1)));
        hall.issue("PAYMENT", null).body("number", equalTo("A001"));
    }

    @Test
    void concurrent_kiosks_never_get_the_same_number() throws Exception {
        Hall hall = Hall.open();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(() -> hall.issue("PAYMENT", null).statusCode(201).extract().path("number"));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            Set<String> expected = new HashSet<>();
            for (int i = 1; i <= 30; i++) {
                expected.add(String.format("A%03d", i));
            }
            assertEquals(expected, numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_idempotency_key_returns_the_same_ticket_and_publishes_once() {
        Hall hall = Hall.open();
        Map<String, String> body = Map.of("businessType", "GENERAL", "tier", "VIP");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "kiosk-7-0001").body(body)
                .when().post("/api/v1/branches/" + hall.branchId + "/tickets")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("ticketId");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", "kiosk-7-0001").body(body)
                .when().post("/api/v1/branches/" + hall.branchId + "/tickets")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("ticketId");
        assertEquals(first, again);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "kiosk-7-0001")
                .body(Map.of("businessType", "PAYMENT"))
                .when().post("/api/v1/branches/" + hall.branchId + "/tickets")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/idempotency-key-reused"));
        assertEquals(1, count("SELECT count(*) FROM ticket WHERE branch_id = ?", hall.branchId));
        hall.issued("PAYMENT", null);
        // The next ticket's issue event on the same partition comes after any duplicate would.
        String marker = hall.issued("PAYMENT", null);
        Hall.events(marker, 1);
        assertEquals(1, Hall.events(first, 1).size());
    }

    @Test
    void bad_requests_are_named_problems_and_write_nothing() {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        hall.issue("TELEPORT", null).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/unknown-business-type"));
        hall.issue("COMPLAINT", null).statusCode(422)
                .body("type", equalTo("https://hallwatch.io/problems/business-type-not-offered"));
        hall.issue("PAYMENT", "GOLD").statusCode(400)
                .body("type", equalTo("https://hallwatch.io/problems/malformed-body"));
        hall.issue("payment", null).statusCode(400).body("violations[0].field", equalTo("businessType"));
        given().contentType(ContentType.JSON).body(Map.of("businessType", "PAYMENT", "customerRef", "13812345678"))
                .when().post("/api/v1/branches/" + hall.branchId + "/tickets")
                .then().statusCode(400).body("type", equalTo("https://hallwatch.io/problems/validation"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(101))
                .body(Map.of("businessType", "PAYMENT"))
                .when().post("/api/v1/branches/" + hall.branchId + "/tickets")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("businessType", "PAYMENT"))
                .when().post("/api/v1/branches/NO-SUCH-BRANCH/tickets")
                .then().statusCode(404).body("type", equalTo("https://hallwatch.io/problems/branch-not-found"));
        clock.set(Instant.parse("2026-11-24T13:00:00Z")); // 21:00 in Guangzhou
        hall.issue("PAYMENT", null).statusCode(409).body("type", equalTo("https://hallwatch.io/problems/branch-closed"));
        assertEquals(0, count("SELECT count(*) FROM ticket WHERE branch_id = ?", hall.branchId));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE record_key = ?", hall.branchId));
    }

    @Test
    void a_kiosk_sees_an_admins_change_to_its_branch_at_once() {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        hall.issued("PAYMENT", null); // the branch's set-up is now remembered for kiosk requests
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "测试营业厅", "timeZone", "Asia/Shanghai", "opensAt", "08:00", "closesAt", "20:00",
                        "businessTypes", List.of("GENERAL")))
                .when().put("/api/v1/branches/" + hall.branchId).then().statusCode(200);
        hall.issue("PAYMENT", null).statusCode(422)
                .body("type", equalTo("https://hallwatch.io/problems/business-type-not-offered"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "测试营业厅", "timeZone", "Asia/Shanghai", "opensAt", "12:00", "closesAt", "20:00",
                        "businessTypes", List.of("GENERAL")))
                .when().put("/api/v1/branches/" + hall.branchId).then().statusCode(200);
        hall.issue("GENERAL", null).statusCode(409).body("type", equalTo("https://hallwatch.io/problems/branch-closed"));
        assertEquals(1, count("SELECT count(*) FROM ticket WHERE branch_id = ?", hall.branchId));
    }

    @Test
    void an_opaque_customer_reference_travels_to_the_event() {
        Hall hall = Hall.open();
        String id = given().contentType(ContentType.JSON).body(Map.of("businessType", "NEW_LINE", "customerRef", "CRM-0042-X"))
                .when().post("/api/v1/branches/" + hall.branchId + "/tickets")
                .then().statusCode(201).body("advice.code", equalTo("NUMBER_SELECTION_AREA")).extract().path("ticketId");
        assertEquals("CRM-0042-X", ((TicketIssued) Hall.events(id, 1).get(0).data()).customerRef());
    }

    @Test
    void side_paths_follow_the_lifecycle_and_each_publishes_its_event() {
        Hall hall = Hall.open();
        String id = hall.issued("PAYMENT", null);
        Hall.act(id, "recall").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/invalid-transition"))
                .body("detail", equalTo("A WAITING ticket cannot be recalled"));
        hall.callNext("C01", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(id));
        Hall.act(id, "recall").statusCode(200).body("recallCount", equalTo(1)).body("status", equalTo("CALLED"));
        Hall.act(id, "recall").statusCode(200).body("recallCount", equalTo(2));
        Hall.act(id, "no-show").statusCode(200).body("status", equalTo("NO_SHOW"));
        Hall.act(id, "cancel").statusCode(409);
        Hall.ticket(id).body("status", equalTo("NO_SHOW")).body("recallCount", equalTo(2));

        List<CloudEvent<?>> events = Hall.events(id, 5);
        assertEquals(List.of(EventType.TICKET_ISSUED, EventType.TICKET_CALLED, EventType.TICKET_RECALLED,
                EventType.TICKET_RECALLED, EventType.TICKET_NO_SHOW), events.stream().map(CloudEvent::eventType).toList());

        String other = hall.issued("GENERAL", null);
        Hall.act(other, "cancel").statusCode(200).body("status", equalTo("CANCELLED"));
        Hall.act(other, "no-show").statusCode(409);
        Hall.act("7f9a3c1e-8f3b-4f5e-9d2a-0c4b5e6f7a81", "cancel").statusCode(404);
        Hall.act("not-a-uuid", "cancel").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_transfer_keeps_the_original_issue_time_and_takes_a_new_number() {
        Hall hall = Hall.open();
        String id = hall.issued("CONSULT", null);
        clock.advance(Duration.ofMinutes(4));
        hall.callNext("C03", false, "CONSULT").statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("businessType", "NEW_LINE"))
                .when().post("/api/v1/tickets/" + id + "/transfer")
                .then().statusCode(200)
                .body("businessType", equalTo("NEW_LINE"))
                .body("number", matchesPattern("C\\d{3}"))
                .body("status", equalTo("WAITING"))
                .body("issuedAt", equalTo("2026-11-24T02:00:00Z"));
        given().contentType(ContentType.JSON).body(Map.of("businessType", "NEW_LINE"))
                .when().post("/api/v1/tickets/" + id + "/transfer")
                .then().statusCode(409).body("type", equalTo("https://hallwatch.io/problems/same-business-type"));
        CloudEvent<?> transferred = Hall.events(id, 3).get(2);
        assertEquals("CONSULT", ((TicketTransferred) transferred.data()).previousBusinessType());
    }

    private long count(String sql, Object arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
