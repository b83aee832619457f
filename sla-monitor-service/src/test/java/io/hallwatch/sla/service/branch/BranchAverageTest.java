package io.hallwatch.sla.service.branch;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.EventType;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaCleared;
import io.hallwatch.events.SlaRule;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class BranchAverageTest {
    private static final Duration KAFKA = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;
    @Inject
    WatermarkFollower follower;
    @Inject
    BranchAverageMonitor monitor;
    @Inject
    Db db;

    @Test
    void the_branch_breaches_when_its_rolling_mean_wait_exceeds_15_minutes_and_clears_when_it_falls_back() {
        Hall hall = new Hall("AVG", clock);
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slow.add(hall.issue("GENERAL"));
        }
        awaitApplied(slow.get(2));
        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.advance(Duration.ofMinutes(14));
            evaluateUntilApplied();
            assertEquals(0, branchBreaches(hall.branch), "14 minutes on average is within the limit");

            clock.advance(Duration.ofMinutes(2)); // three customers have waited 16 minutes
            Hall.promise(clock.instant(), follower);
            await().atMost(KAFKA).until(() -> {
                monitor.evaluate();
                return branchBreaches(hall.branch) == 1;
            });
            SlaBreached breach = (SlaBreached) sla.await(s -> hall.branch.equals(s.key()) && s.sla().rule() == SlaRule.BRANCH_AVERAGE_WAIT,
                    1, KAFKA).get(0).sla();
            assertNull(breach.ticketId());
            assertEquals(900, breach.limitSeconds());
            assertTrue(breach.actualSeconds() > 900 && breach.actualSeconds() <= 960, "mean " + breach.actualSeconds());
            given().get("/api/v1/branches/" + hall.branch + "/sla-status").then().statusCode(200)
                    .body("rollingAverage.breached", equalTo(true));

            // All three are called at last, and five newcomers are served at once: (3 x 16 + 5 x 0) / 8 = 6 min.
            for (String t : slow) {
                hall.call(t, "C01");
            }
            String last = null;
            for (int i = 0; i < 5; i++) {
                last = hall.issue("PAYMENT");
                hall.call(last, "C02");
            }
            String lastCalled = last;
            clock.advance(Duration.ofSeconds(1));
            Hall.promise(clock.instant(), follower); // the branch is judged as of the producers' promise
            await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ? AND called_at IS NOT NULL", lastCalled) == 1);
            await().atMost(KAFKA).until(() -> {
                monitor.evaluate();
                return db.count("SELECT count(*) FROM sla_breach WHERE branch_id = ? AND ticket_id IS NULL AND status = 'RESOLVED'", hall.branch) == 1;
            });
            SlaCleared cleared = (SlaCleared) sla.await(s -> hall.branch.equals(s.key()) && s.event().eventType() == EventType.SLA_CLEARED
                    && s.sla().rule() == SlaRule.BRANCH_AVERAGE_WAIT, 1, KAFKA).get(0).sla();
            assertEquals(breach.breachId(), cleared.breachId());
            assertEquals(6 * 60, cleared.actualSeconds());
            assertEquals(0, branchBreaches(hall.branch));
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hallwatch_sla_branch_average_wait_seconds{branch=\"" + hall.branch + "\"} 360.0"))
                .body(containsString("hallwatch_sla_waiting_now{branch=\"" + hall.branch + "\"} 0.0"))
                .body(containsString("hallwatch_sla_breaches_total{branch=\"" + hall.branch + "\",business_type=\"ALL\",kind=\"BRANCH_AVERAGE_BREACH\"} 1.0"));
    }

    @Test
    void the_metrics_name_branches_types_and_kinds_but_never_a_ticket() {
        Hall hall = new Hall("METRICS", clock);
        String ticket = hall.issue("PAYMENT");
        awaitApplied(ticket);
        clock.advance(Duration.ofMinutes(3));
        hall.call(ticket, "C01");
        hall.start(ticket, "C01");
        clock.advance(Duration.ofMinutes(3));
        hall.finish(ticket, "C01");
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND kind = 'HANDLING_BREACH'", ticket) == 1);
        evaluateUntilApplied();
        String b = "branch=\"" + hall.branch + "\"";
        // A 3-minute wait falls in the 5-minute bucket, a 3-minute payment is a handling breach.
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hallwatch_sla_breaches_total{" + b + ",business_type=\"PAYMENT\",kind=\"HANDLING_BREACH\"} 1.0"))
                .body(containsString("hallwatch_sla_wait_seconds_bucket{" + b + ",business_type=\"PAYMENT\",le=\"300.0\"} 1.0"))
                .body(containsString("hallwatch_sla_handling_seconds_count{" + b + ",business_type=\"PAYMENT\"} 1"))
                .body(containsString("hallwatch_sla_detection_delay_seconds_bucket{kind=\"HANDLING_BREACH\""))
                .body(containsString("hallwatch_sla_oldest_wait_seconds{" + b + "}"))
                .body(containsString("hallwatch_sla_consumer_lag_records{topic=\"hallwatch.tickets.v1\"}"))
                .body(not(containsString(ticket)))
                .body(not(containsString("clerk-C01")));
    }

    @Test
    void a_customer_early_for_an_appointment_adds_no_negative_wait_to_the_branch_figures() {
        Hall hall = new Hall("AVGAPPT", clock);
        Instant slot = clock.instant().plus(Duration.ofMinutes(20));
        String appointment = hall.book("GENERAL", slot);
        clock.set(slot.minus(Duration.ofMinutes(10)));
        String early = hall.checkInAppointment(appointment);
        awaitApplied(early);
        clock.set(slot.minus(Duration.ofMinutes(5)));
        evaluateUntilApplied();
        String b = "{branch=\"" + hall.branch + "\"}";
        // In the hall for 5 minutes, waiting (as the standard counts it) for none yet: the slot starts in 5.
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hallwatch_sla_waiting_now" + b + " 1.0"))
                .body(containsString("hallwatch_sla_oldest_wait_seconds" + b + " 0.0"))
                .body(containsString("hallwatch_sla_branch_average_wait_seconds" + b + " 0.0"));

        String walkUp = hall.issue("GENERAL");
        awaitApplied(walkUp);
        clock.set(slot.plus(Duration.ofMinutes(1)));
        evaluateUntilApplied();
        // 6 minutes for the walk-up, 1 since the slot's start for the appointment: (360 + 60) / 2.
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hallwatch_sla_oldest_wait_seconds" + b + " 360.0"))
                .body(containsString("hallwatch_sla_branch_average_wait_seconds" + b + " 210.0"));
    }

    /** The producers promise everything up to now; evaluates once the monitor has applied it, as of now. */
    private void evaluateUntilApplied() {
        Instant now = clock.instant();
        Hall.promise(now, follower);
        await().atMost(KAFKA).until(() -> now.equals(monitor.evaluate().asOf()));
    }

    private void awaitApplied(String ticket) {
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ?", ticket) == 1);
    }

    private long branchBreaches(String branch) {
        return db.count("SELECT count(*) FROM sla_breach WHERE branch_id = ? AND ticket_id IS NULL AND status = 'OPEN'", branch);
    }
}
