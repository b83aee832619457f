package io.hallwatch.sla.service.detection;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.sla.domain.detection.BranchDay;
import io.hallwatch.sla.domain.policy.Policies;
import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A poll's events applied together ({@link TicketEventDetector#applyAll}, facts kept in memory
 * between them) conclude exactly what the same events applied one transaction at a time do: the
 * same facts, findings (kind, status, lengths, lateness), cleared events and timers. Each
 * generated branch day runs twice under two names, once event by event and once in polls of
 * random sizes, including the topics' redeliveries and replays.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class PollDetectionTest {
    private static final PolicyHistory POLICY = Policies.history(Policies.withExceptions());

    @Inject
    TicketEventDetector detector;
    @Inject
    TimerScanner scanner;
    @Inject
    Db db;
    @Inject
    MutableClock clock;

    @Test
    void a_poll_applied_at_once_concludes_what_its_events_one_at_a_time_do() {
        scanner.pause(); // no timer may fire between the one-at-a-time transactions
        Instant start = clock.instant();
        try {
            for (long seed = 1; seed <= 6; seed++) {
                BranchDay day = BranchDay.generate(seed, POLICY, BranchDay.Producers.punctual(Duration.ofMillis(200)));
                if (seed > 3 && start.isBefore(day.end)) {
                    // The later days are applied as a monitor catching up after the day: every
                    // overrun is then detected late, from its closing event.
                    clock.set(day.end.plus(Duration.ofMinutes(10)));
                }
                List<BranchDay.Published> order = interleave(new Random(seed), day);
                String one = "ONE-" + seed + "-" + System.nanoTime();
                String all = "ALL-" + seed + "-" + System.nanoTime();
                for (CloudEvent<?> e : renamed(order, one)) {
                    QuarkusTransaction.requiringNew().run(() -> detector.apply(e));
                }
                List<CloudEvent<?>> polled = renamed(order, all);
                Random sizes = new Random(seed * 31);
                for (int from = 0; from < polled.size(); ) {
                    int to = Math.min(polled.size(), from + 1 + sizes.nextInt(250));
                    List<CloudEvent<?>> poll = polled.subList(from, to);
                    QuarkusTransaction.requiringNew().run(() -> detector.applyAll(poll));
                    from = to;
                }
                List<String> expected = state(one);
                assertFalse(expected.stream().noneMatch(r -> r.startsWith("finding")), "seed " + seed + " raises nothing");
                assertEquals(expected, state(all), "seed " + seed);
                db.update("DELETE FROM sla_timer WHERE branch_id IN (?, ?)", one, all);
            }
        } finally {
            clock.set(start);
            scanner.resume();
        }
    }

    /** Both topics' records in one order a consumer could read them in. */
    private static List<BranchDay.Published> interleave(Random r, BranchDay day) {
        List<BranchDay.Published> out = new ArrayList<>();
        int t = 0;
        int s = 0;
        while (t < day.tickets.size() || s < day.services.size()) {
            if (t < day.tickets.size() && (s >= day.services.size() || r.nextBoolean())) {
                out.add(day.tickets.get(t++));
            } else {
                out.add(day.services.get(s++));
            }
        }
        return out;
    }

    /** The records as events of branch {@code branch}, whose ticket ids start with it. */
    private static List<CloudEvent<?>> renamed(List<BranchDay.Published> records, String branch) {
        return records.stream().<CloudEvent<?>>map(p -> EventCodec.fromJson(
                EventCodec.toJson(CloudEvent.of("/hallwatch/test", p.eventTime(), p.event()))
                        .replace("\"" + BranchDay.BRANCH + "\"", "\"" + branch + "\"")
                        .replace("\"ticketId\":\"", "\"ticketId\":\"" + branch + "/"))).toList();
    }

    /**
     * What the monitor holds about the branch's tickets, with the branch's name taken out. The
     * branch average is left out: the scheduler evaluates it whenever it runs, not per event.
     */
    private List<String> state(String branch) {
        List<String> rows = new ArrayList<>();
        rows.addAll(db.list("""
                SELECT * FROM sla_ticket WHERE branch_id = ? ORDER BY ticket_id""",
                rs -> "ticket " + row(rs), branch));
        rows.addAll(db.list("""
                SELECT ticket_id, kind, status, level, limit_seconds, actual_seconds, started_at, deadline, detected_at,
                    detected_late, resolved_at, resolved_actual_seconds, counter_id, clerk_id, business_type
                FROM sla_breach WHERE branch_id = ? AND ticket_id IS NOT NULL ORDER BY ticket_id, kind""",
                rs -> "finding " + row(rs), branch));
        rows.addAll(db.list("""
                SELECT ticket_id, kind, due_at, fence_tickets FROM sla_timer WHERE branch_id = ? ORDER BY ticket_id, kind""",
                rs -> "timer " + row(rs), branch));
        rows.addAll(db.list("""
                SELECT event_type, count(*) FROM outbox_event WHERE record_key = ? AND payload NOT LIKE '%"ticketId":null%'
                GROUP BY event_type ORDER BY event_type""",
                rs -> "published " + row(rs), branch));
        return rows.stream().map(r -> r.replace(branch, "B")).toList();
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            String column = rs.getMetaData().getColumnName(i);
            if (!column.equals("updated_at")) {
                b.append(column).append('=').append(rs.getString(i)).append(' ');
            }
        }
        return b.toString();
    }
}
