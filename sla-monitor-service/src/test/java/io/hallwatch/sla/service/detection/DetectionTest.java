package io.hallwatch.sla.service.detection;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.consumer.DeadLetters;
import io.hallwatch.common.db.Db;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventType;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaCleared;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.SlaWarning;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.Hall;
import io.hallwatch.sla.SlaTopic;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.events.timeline.TimelineRecorder;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection against the real broker and database: the tests publish what the queue- and
 * counter-service would, move the test clock, and read what the monitor concludes on
 * {@code hallwatch.sla.v1} and in its tables.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class DetectionTest {
    private static final Logger LOG = Logger.getLogger(DetectionTest.class);
    private static final Duration KAFKA = Duration.ofSeconds(30);
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(15);

    @Inject
    MutableClock clock;
    @Inject
    TimerScanner scanner;
    @Inject
    TimelineRecorder recorder;
    @Inject
    Db db;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    WatermarkFollower follower;

    @Test
    void a_customer_still_waiting_at_15_minutes_is_flagged_at_the_deadline_within_a_second() {
        Hall hall = new Hall("WAIT", clock);
        Instant issuedAt = clock.instant();
        String ticket = hall.issue("PAYMENT");
        awaitTimers(ticket, 2);
        clock.advance(WAIT_LIMIT.minusSeconds(1));
        try (SlaTopic sla = SlaTopic.fromNow()) {
            scan();
            assertEquals(0, findings(ticket, SlaKind.WAIT_BREACH), "nothing before the deadline");

            // The deadline passes and the producers promise it; the scheduled scan alone (woken by the
            // promise) must raise the breach.
            Instant deadline = issuedAt.plus(WAIT_LIMIT);
            clock.set(deadline);
            Instant movedAt = Instant.now();
            Hall.promise(deadline, follower);
            SlaTopic.Seen seen = sla.await(s -> SlaTopic.about(ticket).test(s) && s.event().eventType() == EventType.SLA_BREACHED,
                    1, KAFKA).get(0);
            Duration total = Duration.between(movedAt, seen.seenAt());
            LOG.infof("DETECTION DELAY: breach on the topic %d ms after its deadline was promised by the producers", total.toMillis());
            assertTrue(total.compareTo(Duration.ofSeconds(1)) < 0, "breach appeared " + total.toMillis() + " ms after its deadline");

            SlaBreached breach = (SlaBreached) seen.sla();
            assertEquals(SlaRule.WAIT, breach.rule());
            assertEquals(hall.branch, seen.key());
            assertEquals(900, breach.limitSeconds());
            assertEquals(900, breach.actualSeconds());
            assertEquals(deadline, breach.deadline());
            assertEquals(issuedAt, breach.startedAt());
            assertEquals("PAYMENT", breach.businessType());
            assertFalse(breach.detectedLate());
            assertNull(breach.counterId(), "nobody has called the customer yet");
            assertEquals("OPEN", status(ticket, SlaKind.WAIT_BREACH));
        }
        // Called at last: the breach closes and the close is published for the duty manager's phone.
        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.advance(Duration.ofMinutes(2));
            hall.call(ticket, "C01");
            SlaCleared cleared = (SlaCleared) sla.await(s -> SlaTopic.about(ticket).test(s), 1, KAFKA).get(0).sla();
            assertEquals(SlaRule.WAIT, cleared.rule());
            assertEquals(17 * 60, cleared.actualSeconds(), 0.3);
            await().atMost(KAFKA).until(() -> "RESOLVED".equals(status(ticket, SlaKind.WAIT_BREACH)));
        }
    }

    @Test
    void a_customer_called_at_14_59_is_not_flagged_while_one_still_waiting_is() {
        Hall hall = new Hall("CALLED", clock);
        String calledInTime = hall.issue("GENERAL");
        String stillWaiting = hall.issue("GENERAL");
        awaitTimers(calledInTime, 2);
        awaitTimers(stillWaiting, 2);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        try (SlaTopic sla = SlaTopic.fromNow()) {
            hall.call(calledInTime, "C02");
            clock.advance(Duration.ofSeconds(1));
            scan();
            List<SlaTopic.Seen> breaches = sla.await(s -> s.event().eventType() == EventType.SLA_BREACHED
                    && hall.branch.equals(s.key()), 1, KAFKA);
            assertEquals(stillWaiting, breaches.get(0).sla().ticketId());
            await().atMost(KAFKA).until(() -> timers(calledInTime) == 0);
            assertEquals(0, findings(calledInTime, SlaKind.WAIT_BREACH));
        }
    }

    @Test
    void a_payment_served_for_2_min_1_s_breaches_handling_while_it_runs_and_one_of_1_min_59_does_not() {
        Hall hall = new Hall("HANDLING", clock);
        String slow = hall.issue("PAYMENT");
        String quick = hall.issue("PAYMENT");
        clock.advance(Duration.ofMinutes(1));
        hall.call(slow, "C03");
        hall.start(slow, "C03");
        hall.call(quick, "C04");
        hall.start(quick, "C04");
        awaitTimers(slow, 2);
        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.advance(Duration.ofSeconds(119));
            hall.finish(quick, "C04");
            clock.advance(Duration.ofSeconds(2)); // the slow one has run 2 min 1 s and still runs
            scan();
            SlaTopic.Seen seen = sla.await(s -> SlaTopic.about(slow).test(s) && s.event().eventType() == EventType.SLA_BREACHED, 1, KAFKA).get(0);
            SlaBreached breach = (SlaBreached) seen.sla();
            assertEquals(SlaRule.HANDLING, breach.rule());
            assertEquals(120, breach.limitSeconds());
            assertEquals(121, breach.actualSeconds());
            assertEquals("C03", breach.counterId());
            assertEquals("clerk-C03", breach.clerkId());
            assertFalse(breach.detectedLate());
            await().atMost(KAFKA).until(() -> timers(quick) == 0);
            assertEquals(0, findings(quick, SlaKind.HANDLING_BREACH));
        }
    }

    @Test
    void the_warning_at_12_minutes_comes_before_the_breach_at_15() {
        Hall hall = new Hall("WARN", clock);
        Instant issuedAt = clock.instant();
        String ticket = hall.issue("NEW_LINE");
        awaitTimers(ticket, 2);
        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.set(issuedAt.plus(Duration.ofMinutes(12)));
            scan();
            SlaWarning warning = (SlaWarning) sla.await(SlaTopic.about(ticket), 1, KAFKA).get(0).sla();
            assertEquals(SlaRule.WAIT, warning.rule());
            assertEquals(issuedAt.plus(WAIT_LIMIT), warning.deadline());
            clock.set(issuedAt.plus(WAIT_LIMIT));
            scan();
            List<SlaTopic.Seen> both = sla.await(SlaTopic.about(ticket), 2, KAFKA);
            assertEquals(List.of(EventType.SLA_WARNING, EventType.SLA_BREACHED), both.stream().map(s -> s.event().eventType()).toList());
            assertTrue(warning.detectedAt().isBefore(both.get(1).sla().detectedAt()));
        }
    }

    @Test
    void events_delivered_twice_and_replayed_give_one_breach() {
        Hall hall = new Hall("DUP", clock);
        String ticket = hall.issue("BROADBAND");
        String marker = hall.issue("BROADBAND");
        CloudEvent<TicketIssued> again = CloudEvent.of("/hallwatch/queue-service", clock.instant(), hall.issuedEvent(ticket));
        awaitTimers(ticket, 2);
        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.advance(WAIT_LIMIT.plus(Duration.ofMinutes(1)));
            CloudEvent<TicketCalled> call = hall.call(ticket, "C05");
            byte[] callBytes = EventCodec.toBytes(call);
            hall.send(Topics.TICKETS, callBytes); // the same record again
            hall.send(Topics.TICKETS, EventCodec.toBytes(again)); // the issue replayed under a new id
            hall.publish(call.data()); // the call replayed under a new id
            scan();
            scan();
            // The marker's call comes after all of the above on the branch's partition: once its
            // breach is on the topic, any second breach of the ticket would be too.
            clock.advance(Duration.ofSeconds(1));
            hall.call(marker, "C06");
            sla.await(s -> SlaTopic.about(marker).test(s) && s.event().eventType() == EventType.SLA_BREACHED, 1, KAFKA);
            List<SlaTopic.Seen> forTicket = sla.await(SlaTopic.about(ticket), 1, KAFKA);
            assertEquals(1, forTicket.stream().filter(s -> s.event().eventType() == EventType.SLA_BREACHED).count(), forTicket.toString());
            assertEquals(1, findings(ticket, SlaKind.WAIT_BREACH));
        }
    }

    @Test
    void a_monitor_stopped_before_a_deadline_and_started_after_it_raises_the_breach_once() {
        Hall hall = new Hall("RESTART", clock);
        Instant issuedAt = clock.instant();
        String ticket = hall.issue("GENERAL");
        awaitTimers(ticket, 2);
        try (SlaTopic sla = SlaTopic.fromNow()) {
            recorder.stop();
            scanner.pause();
            try {
                clock.set(issuedAt.plus(WAIT_LIMIT).plus(Duration.ofMinutes(3)));
                // While it is down, the producer redelivers the issue event.
                hall.send(Topics.TICKETS, EventCodec.toBytes(CloudEvent.of("/hallwatch/queue-service", issuedAt, hall.issuedEvent(ticket))));
                assertEquals(2, timers(ticket), "the timers outlive the monitor: they are rows, not threads");
                Hall.promise(clock.instant(), follower);
            } finally {
                recorder.start();
                scanner.resume();
            }
            SlaBreached breach = (SlaBreached) sla.await(s -> SlaTopic.about(ticket).test(s)
                    && s.event().eventType() == EventType.SLA_BREACHED, 1, KAFKA).get(0).sla();
            assertTrue(breach.detectedLate(), "found three minutes after its deadline");
            assertEquals(18 * 60, breach.actualSeconds());
            scan();
            await().atMost(KAFKA).until(() -> timers(ticket) == 0);
            assertEquals(1, findings(ticket, SlaKind.WAIT_BREACH));
            assertEquals(0, findings(ticket, SlaKind.WAIT_WARNING), "a warning overtaken by its breach is not sent");
        }
    }

    @Test
    void a_call_after_the_deadline_that_no_timer_saw_raises_the_breach_at_call_time_marked_late() {
        Hall hall = new Hall("LATE", clock);
        Instant issuedAt = clock.instant();
        String ticket = hall.issue("CONSULT");
        awaitTimers(ticket, 2);
        scanner.pause();
        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.set(issuedAt.plus(Duration.ofMinutes(20)));
            hall.call(ticket, "C07");
            SlaBreached breach = (SlaBreached) sla.await(SlaTopic.about(ticket), 1, KAFKA).get(0).sla();
            assertTrue(breach.detectedLate());
            assertEquals(20 * 60, breach.actualSeconds());
            assertEquals("C07", breach.counterId());
            assertEquals("RESOLVED", status(ticket, SlaKind.WAIT_BREACH), "over already: nothing to clear later");
        } finally {
            scanner.resume();
        }
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_next_ticket_is_still_watched() {
        Hall hall = new Hall("POISON", clock);
        hall.send(Topics.TICKETS, "{\"specversion\":\"1.0\",\"type\":\"hallwatch.ticket.issued.v1\"".getBytes(StandardCharsets.UTF_8));
        Instant issuedAt = clock.instant();
        String ticket = hall.issue("PAYMENT");
        KafkaTestClient.readUntil(Topics.dlq(Topics.TICKETS), KAFKA, rs -> rs.stream().anyMatch(r -> hall.branch.equals(r.key())
                && TimelineRecorder.CONSUMER.equals(new String(r.headers().lastHeader(DeadLetters.CONSUMER).value(), StandardCharsets.UTF_8))));
        awaitTimers(ticket, 2);
        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.set(issuedAt.plus(WAIT_LIMIT));
            scan();
            sla.await(s -> SlaTopic.about(ticket).test(s) && s.event().eventType() == EventType.SLA_BREACHED, 1, KAFKA);
        }
    }

    @Test
    void a_monitor_lagging_behind_the_topic_does_not_flag_a_customer_called_before_the_deadline() throws SQLException {
        Hall hall = new Hall("LAG", clock);
        Instant issuedAt = clock.instant();
        String blocker = hall.issue("GENERAL");
        String called = hall.issue("GENERAL");
        String waiting = hall.issue("GENERAL");
        awaitTimers(blocker, 2);
        awaitTimers(called, 2);
        awaitTimers(waiting, 2);
        clock.set(issuedAt.plus(WAIT_LIMIT).minusSeconds(1));
        CloudEvent<TicketCalled> call;
        try (Connection c = dataSource.getConnection()) {
            // The consumer is made to lag for certain: the test holds the row of the ticket whose
            // call comes first on the partition, so the consumer stops there, before the call at 14:59.
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM sla_ticket WHERE ticket_id = ? FOR UPDATE")) {
                lock.setString(1, blocker);
                lock.executeQuery().close();
            }
            hall.call(blocker, "C09");
            call = hall.call(called, "C08");
            clock.set(issuedAt.plus(WAIT_LIMIT).plusSeconds(5));

            TimerScanner.ScanResult whileBehind = scan();
            assertEquals(0, db.count("SELECT count(*) FROM event_journal WHERE event_id = ?", call.id()),
                    "the consumer is behind the call");
            assertTrue(whileBehind.held() >= 2, "the due timers wait for the consumer: " + whileBehind);
            assertEquals(0, findings(called, SlaKind.WAIT_BREACH), "a lagging monitor must not flag a customer it has not seen called");
            assertEquals(0, findings(waiting, SlaKind.WAIT_BREACH), "nor anyone else on the branch until it has caught up");
            c.rollback();
        }
        await().atMost(KAFKA).until(() -> db.count("SELECT count(*) FROM event_journal WHERE event_id = ?", call.id()) == 1);
        await().atMost(KAFKA).until(() -> {
            scan();
            return findings(waiting, SlaKind.WAIT_BREACH) == 1;
        });
        assertEquals(0, findings(called, SlaKind.WAIT_BREACH), "called at 14:59: never a breach");
        assertEquals(0, findings(blocker, SlaKind.WAIT_BREACH));
        assertEquals(0, timers(called));
    }

    /** The producers are punctual here: everything up to now is promised, then one scan. */
    private TimerScanner.ScanResult scan() {
        Hall.promise(clock.instant(), follower);
        return scanner.scan();
    }

    private void awaitTimers(String ticket, int count) {
        await().atMost(KAFKA).until(() -> timers(ticket) == count);
    }

    private long timers(String ticket) {
        return db.count("SELECT count(*) FROM sla_timer WHERE ticket_id = ?", ticket);
    }

    private long findings(String ticket, SlaKind kind) {
        return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND kind = ?", ticket, kind.name());
    }

    private String status(String ticket, SlaKind kind) {
        return db.one("SELECT status FROM sla_breach WHERE ticket_id = ? AND kind = ?", rs -> rs.getString(1), ticket, kind.name())
                .orElse(null);
    }
}
