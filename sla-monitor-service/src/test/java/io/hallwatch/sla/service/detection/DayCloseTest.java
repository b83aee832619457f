package io.hallwatch.sla.service.detection;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.EventType;
import io.hallwatch.events.SlaCleared;
import io.hallwatch.sla.Hall;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
import io.hallwatch.sla.SlaTopic;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The end of the branch's service day as the monitor sees it (hallwatch.ticket.closed.v1, BRANCH_CLOSED): the
 * ticket is over, so no warning or breach comes after the close, an open wait breach is resolved and its clear
 * published, the branch no longer counts the customer as waiting, and the daily report counts them apart.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class DayCloseTest {
    private static final Duration KAFKA = Duration.ofSeconds(30);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    MutableClock clock;
    @Inject
    TimerScanner scanner;
    @Inject
    WatermarkFollower follower;
    @Inject
    Db db;

    @Test
    void a_ticket_closed_with_the_day_before_its_deadlines_gets_no_warning_or_breach_and_no_longer_waits() {
        Hall hall = new Hall("CLOSE", clock);
        String closed = hall.issue("PAYMENT");
        String other = hall.issue("GENERAL");
        awaitTimers(other);
        awaitTimers(closed);
        clock.advance(Duration.ofMinutes(10));
        hall.close(closed, "WAITING");
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ? AND closed_at IS NOT NULL",
                closed) == 1);
        assertEquals(0, db.count("SELECT count(*) FROM sla_timer WHERE ticket_id = ?", closed), "its timers stop");
        assertEquals(1, given().get("/api/v1/branches/" + hall.branch + "/sla-status").then().statusCode(200).extract().jsonPath()
                .getInt("waitingNow"), "only the other customer still waits");

        // Past both deadlines: the customer still waiting gets warning and breach, the closed one nothing.
        clock.advance(Duration.ofMinutes(3));
        Hall.promise(clock.instant(), follower); // the producers are punctual here
        await().atMost(KAFKA).until(() -> {
            scanner.scan();
            return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND level = 'WARNING'", other) == 1;
        });
        assertEquals(0, db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ?", closed));
        clock.advance(Duration.ofMinutes(3));
        Hall.promise(clock.instant(), follower); // the producers are punctual here
        await().atMost(KAFKA).until(() -> {
            scanner.scan();
            return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND level = 'BREACH'", other) == 1;
        });
        assertEquals(0, db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ?", closed));
    }

    @Test
    void an_open_wait_breach_is_resolved_when_the_day_closes_and_its_clear_is_published() {
        Hall hall = new Hall("CLOSEBR", clock);
        String ticket = hall.issue("PAYMENT");
        awaitTimers(ticket);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Hall.promise(clock.instant(), follower); // the producers are punctual here
        await().atMost(KAFKA).until(() -> {
            scanner.scan();
            return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND level = 'BREACH' AND status = 'OPEN'", ticket) == 1;
        });
        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.advance(Duration.ofMinutes(5));
            hall.close(ticket, "WAITING");
            SlaCleared cleared = (SlaCleared) sla.await(s -> SlaTopic.about(ticket).test(s)
                    && s.event().eventType() == EventType.SLA_CLEARED, 1, KAFKA).get(0).sla();
            assertEquals(1201, cleared.actualSeconds(), "the wait ended with the day, 20 min 1 s after the issue");
        }
        assertEquals(1, db.count("""
                SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND level = 'BREACH' AND status = 'RESOLVED'
                    AND resolved_actual_seconds = 1201""", ticket));
        assertEquals(0, db.count("SELECT count(*) FROM sla_timer WHERE ticket_id = ?", ticket));
    }

    @Test
    void the_daily_report_counts_the_customers_not_served_apart() {
        Hall hall = new Hall("CLOSERP", clock);
        Instant start = clock.instant();
        String closedEarly = hall.issue("GENERAL");
        String closedAfterBreach = hall.issue("GENERAL");
        String calledThenClosed = hall.issue("GENERAL");
        awaitTimers(calledThenClosed);
        clock.advance(Duration.ofMinutes(5));
        hall.call(calledThenClosed, "C01");
        clock.advance(Duration.ofMinutes(5));
        hall.close(closedEarly, "WAITING");
        clock.advance(Duration.ofMinutes(6));
        Hall.promise(clock.instant(), follower); // the producers are punctual here
        await().atMost(KAFKA).until(() -> {
            scanner.scan();
            return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND level = 'BREACH'", closedAfterBreach) == 1;
        });
        hall.close(closedAfterBreach, "WAITING");
        hall.close(calledThenClosed, "CALLED");
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM sla_ticket WHERE branch_id = ? AND closed_at IS NOT NULL",
                hall.branch) == 3);

        String date = LocalDate.ofInstant(start, ZONE).toString();
        JsonPath report = given().queryParam("date", date).get("/api/v1/branches/" + hall.branch + "/sla-report")
                .then().statusCode(200).extract().jsonPath();
        String general = "byBusinessType.find { it.businessType == 'GENERAL' }";
        assertEquals(3, report.getInt(general + ".customers"));
        assertEquals(3, report.getInt(general + ".notServed"));
        assertEquals(1, report.getInt(general + ".waitEndedByClose"), "closed at 10 min: its wait is not judged");
        assertEquals(1, report.getInt(general + ".waitWithinLimit"), "called at 5 min, then closed while called");
        assertEquals(1, report.getInt(general + ".waitOverLimit"), "16 min waiting before the close: over");
        assertEquals(0, report.getInt(general + ".waitPending"));
        assertEquals(0.5f, report.getFloat(general + ".waitWithinLimitShare"));
        assertEquals(3, report.getInt("total.notServed"));
        assertEquals(0, report.getInt("total.served"));
    }

    @Test
    void an_appointment_closed_with_the_day_within_the_limit_from_its_slot_is_a_wait_the_close_ended_under_its_limit() {
        Hall hall = new Hall("CLOSEAPPT", clock);
        Instant slot = clock.instant().plus(Duration.ofMinutes(20));
        String appointment = hall.book("GENERAL", slot);
        clock.set(slot.minus(Duration.ofMinutes(10)));
        Instant checkIn = clock.instant();
        String ticket = hall.checkInAppointment(appointment);
        awaitTimers(ticket);
        clock.set(slot.plus(Duration.ofMinutes(12)));
        hall.close(ticket, "WAITING");
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ? AND closed_at IS NOT NULL",
                ticket) == 1);

        String date = LocalDate.ofInstant(checkIn, ZONE).toString();
        JsonPath report = given().queryParam("date", date).get("/api/v1/branches/" + hall.branch + "/sla-report")
                .then().statusCode(200).extract().jsonPath();
        String general = "byBusinessType.find { it.businessType == 'GENERAL' }";
        assertEquals(1, report.getInt(general + ".notServed"));
        assertEquals(1, report.getInt(general + ".waitEndedByClose"), "22 minutes in the hall, 12 since the slot's start");
        assertEquals(0, report.getInt(general + ".waitOverLimit"));
    }

    private void awaitTimers(String ticket) {
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM sla_timer WHERE ticket_id = ?", ticket) > 0);
    }
}
