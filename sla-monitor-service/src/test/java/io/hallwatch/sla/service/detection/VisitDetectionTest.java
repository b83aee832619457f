package io.hallwatch.sla.service.detection;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.EventType;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.sla.Hall;
import io.hallwatch.sla.SlaTopic;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 25 through the real broker and database: a walk-in never wait-breaches, a parked visit resumes its wait
 * clock with the budget it had left, and no breach is raised twice across a park.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class VisitDetectionTest {
    private static final Duration KAFKA = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;
    @Inject
    TimerScanner scanner;
    @Inject
    Db db;
    @Inject
    WatermarkFollower follower;

    @Test
    void a_walk_in_never_wait_breaches_and_does_not_count_in_the_branch_average_but_its_service_is_judged() {
        Hall hall = new Hall("WALKIN", clock);
        String walkIn = hall.walkIn("PAYMENT", "C01");
        await().atMost(KAFKA).until(() -> applied(walkIn));
        hall.start(walkIn, "C01");
        await().atMost(KAFKA).until(() -> timers(walkIn) == 2);
        assertEquals(List.of("HANDLING_BREACH", "HANDLING_WARNING"), timerKinds(walkIn), "a handling timer, never a wait one");
        clock.advance(Duration.ofMinutes(30));
        scan();
        assertEquals(0, findings(walkIn, SlaKind.WAIT_BREACH));
        assertEquals(0, findings(walkIn, SlaKind.WAIT_WARNING));
        assertEquals(1, findings(walkIn, SlaKind.HANDLING_BREACH), "the walk-in counts in the handling standard");
        assertEquals(1, db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ? AND walk_in", walkIn));
    }

    @Test
    void a_parked_visit_resumes_its_wait_clock_and_is_breached_once_on_the_budget_it_had_left() {
        Hall hall = new Hall("PARK", clock);
        Instant issuedAt = clock.instant();
        String ticket = hall.issue("PAYMENT");
        clock.advance(Duration.ofMinutes(6));
        hall.call(ticket, "C01");
        await().atMost(KAFKA).until(() -> timers(ticket) == 0);
        clock.advance(Duration.ofMinutes(10)); // at the counter: not waiting, past the issue's 15 minutes
        hall.park(ticket, "C01", "CALLED", Duration.ofMinutes(6));
        Instant parkedAt = clock.instant();
        await().atMost(KAFKA).until(() -> timers(ticket) == 2);
        assertEquals(parkedAt.plus(Duration.ofMinutes(9)), dueAt(ticket, SlaKind.WAIT_BREACH), "the 9 minutes left of 15");
        scan();
        assertEquals(0, findings(ticket, SlaKind.WAIT_BREACH), "16 minutes after the issue, 6 of them waiting: no breach");

        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.set(parkedAt.plus(Duration.ofMinutes(9)));
            scan();
            SlaBreached breach = (SlaBreached) sla.await(s -> SlaTopic.about(ticket).test(s)
                    && s.event().eventType() == EventType.SLA_BREACHED, 1, KAFKA).get(0).sla();
            assertEquals(SlaRule.WAIT, breach.rule());
            assertEquals(900, breach.actualSeconds());
            assertEquals(issuedAt, breach.startedAt());
        }
        // Called, parked again, called again: still the one breach.
        clock.advance(Duration.ofMinutes(1));
        hall.call(ticket, "C02");
        clock.advance(Duration.ofMinutes(2));
        hall.park(ticket, "C02", "CALLED", Duration.ofMinutes(16));
        clock.advance(Duration.ofMinutes(20));
        scan();
        hall.call(ticket, "C03");
        await().atMost(KAFKA).until(() -> "RESOLVED".equals(status(ticket, SlaKind.WAIT_BREACH)));
        scan();
        assertEquals(1, findings(ticket, SlaKind.WAIT_BREACH));
        assertEquals(0, timers(ticket));
    }

    @Test
    void a_service_parked_stops_its_handling_timer_and_no_handling_breach_follows() {
        Hall hall = new Hall("PARKSRV", clock);
        String ticket = hall.issue("PAYMENT");
        hall.call(ticket, "C01");
        hall.start(ticket, "C01");
        await().atMost(KAFKA).until(() -> timerKinds(ticket).contains("HANDLING_BREACH"));
        clock.advance(Duration.ofMinutes(1));
        hall.park(ticket, "C01", "SERVING", Duration.ZERO);
        await().atMost(KAFKA).until(() -> !timerKinds(ticket).contains("HANDLING_BREACH"));
        clock.advance(Duration.ofMinutes(5)); // past payment's 2 minutes from the start, had the timer run on
        scan();
        assertEquals(0, findings(ticket, SlaKind.HANDLING_BREACH));
        assertEquals(0, findings(ticket, SlaKind.WAIT_BREACH), "5 minutes back in the queue, nothing waited before");
    }

    private boolean applied(String ticket) {
        return db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ? AND called_at IS NOT NULL", ticket) == 1;
    }

    private void scan() {
        Hall.promise(clock.instant(), follower);
        scanner.scan();
    }

    private long timers(String ticket) {
        return db.count("SELECT count(*) FROM sla_timer WHERE ticket_id = ?", ticket);
    }

    private List<String> timerKinds(String ticket) {
        return db.list("SELECT kind FROM sla_timer WHERE ticket_id = ? ORDER BY kind", rs -> rs.getString(1), ticket);
    }

    private Instant dueAt(String ticket, SlaKind kind) {
        return db.one("SELECT due_at FROM sla_timer WHERE ticket_id = ? AND kind = ?", rs -> Db.instant(rs, "due_at"), ticket,
                kind.name()).orElse(null);
    }

    private long findings(String ticket, SlaKind kind) {
        return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND kind = ?", ticket, kind.name());
    }

    private String status(String ticket, SlaKind kind) {
        return db.one("SELECT status FROM sla_breach WHERE ticket_id = ? AND kind = ?", rs -> rs.getString(1), ticket, kind.name())
                .orElse(null);
    }
}
