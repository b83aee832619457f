package io.hallwatch.queue.api.day;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventType;
import io.hallwatch.events.TicketCloseReason;
import io.hallwatch.events.TicketClosed;
import io.hallwatch.queue.api.Hall;
import io.hallwatch.queue.service.day.DayCloser;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.jwt.Tokens;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.hallwatch.common.security.Roles.DUTY_MANAGER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The end of the service day against the real database and broker: a ticket after closing is refused and changes
 * nothing, the grace keeps the queue working, at closing plus grace every ticket still waiting or called is closed
 * once with its BRANCH_CLOSED event (several closers at once included), and the duty manager's extension past
 * midnight keeps the evening's day open, numbers and all.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class ServiceDayApiTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Inject
    MutableClock clock;
    @Inject
    DayCloser closer;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void evening() {
        clock.set(shanghai(DAY, 20, 40));
    }

    private static Instant shanghai(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** A branch open 09:00–21:00 Shanghai with 15 minutes' grace. */
    private static String lateHall() {
        String id = "D-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "夜间营业厅", "opensAt", "09:00", "closesAt", "21:00", "closeGraceMinutes", 15,
                        "businessTypes", List.of("PAYMENT", "GENERAL")))
                .when().put("/api/v1/branches/" + id).then().statusCode(201)
                .body("closeGraceMinutes", equalTo(15)).body("timeZone", equalTo("Asia/Shanghai"));
        return id;
    }

    private static io.restassured.response.ValidatableResponse issue(String branch) {
        return given().contentType(ContentType.JSON).body(Map.of("businessType", "PAYMENT"))
                .when().post("/api/v1/branches/" + branch + "/tickets").then();
    }

    private static String callNext(String branch) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("counterId", "C1", "clerkId", "k1", "businessTypes", List.of("PAYMENT"), "vipCounter", false))
                .when().post("/api/v1/branches/" + branch + "/queue/call-next").then().statusCode(200).extract().path("ticketId");
    }

    @Test
    void a_ticket_after_closing_is_refused_saying_when_the_branch_opens_and_changes_nothing() {
        String branch = lateHall();
        clock.set(shanghai(DAY, 21, 0)); // 13:00 UTC
        issue(branch).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/branch-closed"))
                .body("detail", containsString("09:00–21:00 Asia/Shanghai"))
                .body("detail", containsString("opens again at 2026-11-25 09:00"));
        // Before opening the same, for today's opening.
        clock.set(shanghai(DAY, 8, 59));
        issue(branch).statusCode(409).body("detail", containsString("opens again at 2026-11-24 09:00"));
        assertEquals(0, count("SELECT count(*) FROM ticket WHERE branch_id = ?", branch));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE record_key = ?", branch));
    }

    @Test
    void at_closing_plus_grace_every_ticket_still_waiting_or_called_is_closed_once_with_its_event() {
        String branch = lateHall();
        String waiting = issue(branch).statusCode(201).extract().path("ticketId");
        String called = issue(branch).statusCode(201).extract().path("ticketId");
        String cancelled = issue(branch).statusCode(201).extract().path("ticketId");
        Hall.act(cancelled, "cancel").statusCode(200);
        assertEquals(waiting, callNext(branch));
        String servedLater = issue(branch).statusCode(201).extract().path("ticketId");

        // Closed to new tickets, but during the grace the counters still work through the queue.
        clock.set(shanghai(DAY, 21, 10));
        closer.closeEndedDays();
        assertEquals(called, callNext(branch));
        Hall.ticket(servedLater).statusCode(200).body("status", equalTo("WAITING"));
        given().when().get("/api/v1/branches/" + branch + "/service-day?date=2026-11-24").then().statusCode(200)
                .body("state", equalTo("CLOSING")).body("tickets.open", equalTo(3)).body("tickets.notServed", equalTo(0));

        clock.set(shanghai(DAY, 21, 15));
        closer.closeEndedDays();
        closer.closeEndedDays(); // again: nothing more
        for (String id : List.of(waiting, called, servedLater)) {
            Hall.ticket(id).statusCode(200).body("status", equalTo("CLOSED"));
        }
        Hall.ticket(cancelled).statusCode(200).body("status", equalTo("CANCELLED"));
        Hall.act(servedLater, "cancel").statusCode(409);
        Hall.act(servedLater, "no-show").statusCode(409);
        // The counter that called a customer the day closed can still clear its screen: answered as it is.
        Hall.act(called, "no-show").statusCode(200).body("status", equalTo("CLOSED"));
        Hall.act(called, "recall").statusCode(409);

        List<CloudEvent<?>> events = Hall.events(waiting, 3);
        assertEquals(List.of(EventType.TICKET_ISSUED, EventType.TICKET_CALLED, EventType.TICKET_CLOSED),
                events.stream().map(CloudEvent::eventType).toList());
        TicketClosed closed = (TicketClosed) events.get(2).data();
        assertEquals(TicketCloseReason.BRANCH_CLOSED, closed.reason());
        assertEquals("CALLED", closed.statusAtClose());
        assertEquals(DAY, closed.serviceDay());
        assertEquals(Instant.parse("2026-11-24T13:15:00Z"), closed.closedAt());
        assertEquals(Instant.parse("2026-11-24T13:15:00Z"), events.get(2).time());
        assertEquals(branch, events.get(2).key());
        TicketClosed stillWaiting = (TicketClosed) Hall.events(servedLater, 2).get(1).data();
        assertEquals("WAITING", stillWaiting.statusAtClose());
        assertEquals(3, count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = 'hallwatch.ticket.closed.v1'",
                branch));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = 'hallwatch.ticket.no-show.v1'",
                branch));

        given().when().get("/api/v1/branches/" + branch + "/service-day?date=2026-11-24").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("closeDueAt", equalTo("2026-11-24T13:15:00Z"))
                .body("tickets.issued", equalTo(4)).body("tickets.notServed", equalTo(3))
                .body("tickets.cancelled", equalTo(1)).body("tickets.open", equalTo(0)).body("tickets.served", equalTo(0));
    }

    @Test
    void several_closers_at_once_close_each_ticket_exactly_once() throws Exception {
        String branch = lateHall();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(issue(branch).statusCode(201).extract().path("ticketId"));
        }
        clock.set(shanghai(DAY, 21, 20));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> closers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                closers.add(closer::closeEndedDays);
            }
            for (Future<Integer> f : pool.invokeAll(closers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, count("SELECT count(*) FROM ticket WHERE branch_id = ? AND status = 'CLOSED'", branch));
        assertEquals(40, count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = 'hallwatch.ticket.closed.v1'",
                branch));
    }

    @Test
    void a_duty_managers_extension_past_midnight_keeps_the_evenings_day_open_until_it_ends() {
        String branch = lateHall();
        issue(branch).statusCode(201).body("number", equalTo("A001"));
        String manager = Tokens.role(DUTY_MANAGER).branches(branch).subject("duty-wang").bearer();
        given().header("Authorization", manager).contentType(ContentType.JSON)
                .body(Map.of("until", "2026-11-25T00:30:00+08:00", "reason", "系统割接，客户较多"))
                .when().post("/api/v1/branches/" + branch + "/day-extensions").then().statusCode(201)
                .header("Location", containsString("/api/v1/branches/" + branch + "/service-day?date=2026-11-24"))
                .body("serviceDay", equalTo("2026-11-24")).body("until", equalTo("2026-11-24T16:30:00Z"))
                .body("requestedBy", equalTo("duty-wang")).body("reason", equalTo("系统割接，客户较多"));

        clock.set(shanghai(DAY, 23, 50));
        issue(branch).statusCode(201).body("number", equalTo("A002"));
        clock.set(shanghai(DAY.plusDays(1), 0, 10));
        String afterMidnight = issue(branch).statusCode(201).body("number", equalTo("A003")).extract().path("ticketId");
        assertEquals(1, count("SELECT count(*) FROM ticket WHERE id = '" + afterMidnight + "'::uuid AND service_day = '2026-11-24' "
                + "AND branch_id = ?", branch));
        clock.set(shanghai(DAY.plusDays(1), 0, 30));
        issue(branch).statusCode(409).body("type", equalTo("https://hallwatch.io/problems/branch-closed"));

        clock.set(shanghai(DAY.plusDays(1), 0, 44));
        closer.closeEndedDays();
        Hall.ticket(afterMidnight).statusCode(200).body("status", equalTo("WAITING"));
        clock.set(shanghai(DAY.plusDays(1), 0, 45));
        closer.closeEndedDays();
        Hall.ticket(afterMidnight).statusCode(200).body("status", equalTo("CLOSED"));
        TicketClosed closed = (TicketClosed) Hall.events(afterMidnight, 2).get(1).data();
        assertEquals(DAY, closed.serviceDay());

        given().when().get("/api/v1/branches/" + branch + "/service-day?date=2026-11-24").then().statusCode(200)
                .body("extended", equalTo(true)).body("closesAt", equalTo("2026-11-24T16:30:00Z"))
                .body("extensions.size()", equalTo(1)).body("extensions[0].requestedBy", equalTo("duty-wang"))
                .body("tickets.notServed", equalTo(3));
        // The next morning is a day of its own, with its own numbers.
        clock.set(shanghai(DAY.plusDays(1), 9, 0));
        issue(branch).statusCode(201).body("number", equalTo("A001"));
    }

    @Test
    void an_extension_must_end_after_the_regular_closing_and_a_day_that_ended_cannot_be_extended() {
        String branch = lateHall();
        String manager = Tokens.role(DUTY_MANAGER).branches(branch).bearer();
        given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of("until", "2026-11-24T20:30:00+08:00"))
                .when().post("/api/v1/branches/" + branch + "/day-extensions").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://hallwatch.io/problems/invalid-extension"));
        clock.set(shanghai(DAY, 21, 15));
        given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of("until", "2026-11-24T23:00:00+08:00"))
                .when().post("/api/v1/branches/" + branch + "/day-extensions").then().statusCode(409)
                .body("type", equalTo("https://hallwatch.io/problems/day-already-closed"));
        given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of("reason", "no end"))
                .when().post("/api/v1/branches/" + branch + "/day-extensions").then().statusCode(400);
        assertEquals(0, count("SELECT count(*) FROM day_extension WHERE branch_id = ?", branch));
        given().when().get("/api/v1/branches/" + branch + "/service-day?date=24.11.2026").then().statusCode(400)
                .body("type", equalTo("https://hallwatch.io/problems/invalid-parameter"));
        given().when().get("/api/v1/branches/" + branch + "/service-day?date=+99999-01-01").then().statusCode(400)
                .body("type", equalTo("https://hallwatch.io/problems/invalid-parameter"));
        given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of("until", "2999-01-01T00:00:00Z"))
                .when().post("/api/v1/branches/" + branch + "/day-extensions").then().statusCode(422);
    }

    @Test
    void a_branch_created_without_hours_is_open_from_nine_to_six_with_fifteen_minutes_grace() {
        String id = "D-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType(ContentType.JSON).body(Map.of("name", "默认营业厅", "businessTypes", List.of("PAYMENT")))
                .when().put("/api/v1/branches/" + id).then().statusCode(201)
                .body("opensAt", equalTo("09:00:00")).body("closesAt", equalTo("18:00:00")).body("closeGraceMinutes", equalTo(15));
        clock.set(shanghai(DAY, 17, 59));
        issue(id).statusCode(201);
        clock.set(shanghai(DAY, 18, 0));
        issue(id).statusCode(409);
    }

    private long count(String sql, Object arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
