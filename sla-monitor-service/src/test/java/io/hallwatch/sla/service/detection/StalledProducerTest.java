package io.hallwatch.sla.service.detection;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.EventType;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.sla.Hall;
import io.hallwatch.sla.SlaTopic;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
import io.hallwatch.sla.service.branch.BranchAverageMonitor;
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
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue-service's relay stalls for a minute while deadlines pass: the monitor judges nothing it
 * has no promise for, reports the branch as waiting for the queue, and once the relay is back
 * raises exactly the true breaches, late and flagged late, and none for customers called in time.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class StalledProducerTest {
    private static final Duration KAFKA = Duration.ofSeconds(30);
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(15);
    private static final Duration STALL = Duration.ofSeconds(60);

    @Inject
    MutableClock clock;
    @Inject
    WatermarkFollower follower;
    @Inject
    TimerScanner scanner;
    @Inject
    BranchAverageMonitor branches;
    @Inject
    Db db;

    @Test
    void a_stalled_queue_relay_delays_true_breaches_and_makes_no_false_one() {
        Hall hall = new Hall("STALL", clock);
        Instant issuedAt = clock.instant();
        List<String> calledInTime = List.of(hall.issue("GENERAL"), hall.issue("PAYMENT"), hall.issue("NEW_LINE"));
        List<String> reallyWaiting = List.of(hall.issue("GENERAL"), hall.issue("BROADBAND"));
        Hall.promise(issuedAt, follower);
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM sla_timer WHERE branch_id = ?", hall.branch) == 10);

        // 14:50 to 14:59: the clerks call three customers; the queue commits the calls, but its relay
        // stalls and sends nothing from here on, not even its watermark.
        clock.set(issuedAt.plus(WAIT_LIMIT).minusSeconds(10));
        Hall.promise(clock.instant(), follower);
        List<TicketCalled> held = new java.util.ArrayList<>();
        for (String ticket : calledInTime) {
            held.add(hall.callEvent(ticket, "C0" + (held.size() + 1)));
            clock.advance(Duration.ofSeconds(3));
        }
        Instant deadline = issuedAt.plus(WAIT_LIMIT);
        try (SlaTopic sla = SlaTopic.fromNow()) {
            // The stall: a minute past the deadline, the counter-service still promises, the queue does not.
            // The scheduled scan is paused so that it cannot hold the due rows (SKIP LOCKED) while this
            // test's own scan looks at them; a round already running when paused ends within the await.
            scanner.pause();
            try {
                for (Duration t = Duration.ZERO; t.compareTo(STALL) < 0; t = t.plusSeconds(15)) {
                    clock.set(deadline.plus(t));
                    Hall.promise(clock.instant(), follower, Hall.COUNTER);
                    TimerScanner.ScanResult[] scan = new TimerScanner.ScanResult[1];
                    await().atMost(Duration.ofSeconds(5)).until(() -> (scan[0] = scanner.scan()).held() >= 5);
                    assertEquals(0, scan[0].raised(), "the five wait deadlines wait for the queue's promise: " + scan[0]);
                }
            } finally {
                scanner.resume();
            }
            assertEquals(0, db.count("SELECT count(*) FROM sla_breach WHERE branch_id = ? AND kind = 'WAIT_BREACH'", hall.branch),
                    "no deadline judged during the stall (the 12-minute warnings came before it)");
            assertEquals(5, db.count("SELECT count(*) FROM sla_breach WHERE branch_id = ? AND kind = 'WAIT_WARNING'", hall.branch));
            branches.evaluate();
            given().get("/api/v1/branches/" + hall.branch + "/sla-status").then().statusCode(200)
                    .body("delayed.waitingFor", equalTo(List.of(Hall.QUEUE)))
                    .body("delayed.since", equalTo(deadline.toString()))
                    .body("delayed.seconds", equalTo(45));
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("hallwatch_sla_delayed_branches{waiting_for=\"queue-service\"}"))
                    .body(containsString("hallwatch_sla_producer_watermark_delay_seconds{producer=\"queue-service\"}"));
            assertTrue(delayedBranches() >= 1, "the branch counts as delayed by the queue");

            // The relay is back: the calls reach Kafka with their own times (14:59), then the promise.
            clock.set(deadline.plus(STALL));
            for (int i = 0; i < held.size(); i++) {
                hall.publishAt(held.get(i).calledAt(), held.get(i));
            }
            Hall.promise(clock.instant(), follower);
            List<SlaTopic.Seen> breaches = sla.await(s -> hall.branch.equals(s.key()) && s.event().eventType() == EventType.SLA_BREACHED,
                    2, KAFKA);
            await().atMost(KAFKA).until(() -> {
                scanner.scan();
                return db.count("SELECT count(*) FROM sla_timer WHERE branch_id = ? AND due_at <= ?", hall.branch, clock.instant()) == 0;
            });
            for (SlaTopic.Seen seen : breaches) {
                SlaBreached breach = (SlaBreached) seen.sla();
                assertTrue(reallyWaiting.contains(breach.ticketId()), "a breach only for a customer really waiting: " + breach);
                assertEquals(deadline, breach.deadline());
                assertTrue(breach.detectedLate(), "raised a minute after its deadline, and says so");
                assertEquals(STALL, Duration.between(breach.deadline(), breach.detectedAt()));
            }
            for (String ticket : reallyWaiting) {
                assertEquals(1, findings(ticket, SlaKind.WAIT_BREACH), "each true breach once");
            }
            for (String ticket : calledInTime) {
                assertEquals(0, findings(ticket, SlaKind.WAIT_BREACH), "called at 14:50-14:59: never a breach, however late the call came");
            }
        }
        given().get("/api/v1/branches/" + hall.branch + "/sla-status").then().statusCode(200).body("delayed", nullValue());
    }

    private double delayedBranches() {
        String metrics = given().get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(l -> l.startsWith("hallwatch_sla_delayed_branches{waiting_for=\"queue-service\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private long findings(String ticket, SlaKind kind) {
        return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND kind = ?", ticket, kind.name());
    }
}
