package io.hallwatch.sla.service.detection;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.events.AppointmentBooked;
import io.hallwatch.events.AppointmentCancelled;
import io.hallwatch.events.AppointmentCheckedIn;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventType;
import io.hallwatch.events.RemoteTicketTaken;
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
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 25 items 5 and 6 through the real broker and database: a remote ticket waits from the customer's check-in,
 * never from when it was taken; one never checked in leaves nothing behind; an appointment checked in before its slot
 * waits from the slot's start, one checked in late from the check-in; and the appointment steps and the remote take,
 * which are no ticket's wait, are applied (journaled once, no dead letter) and change nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class RemoteAndAppointmentDetectionTest {
    private static final Duration KAFKA = Duration.ofSeconds(30);
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(15);

    @Inject
    MutableClock clock;
    @Inject
    TimerScanner scanner;
    @Inject
    Db db;
    @Inject
    WatermarkFollower follower;

    @Test
    void a_remote_ticket_is_judged_from_its_check_in_never_from_when_it_was_taken() {
        Hall hall = new Hall("REMOTE", clock);
        String ticket = hall.takeRemote("PAYMENT");
        clock.advance(Duration.ofMinutes(40));
        Instant checkIn = clock.instant();
        hall.checkIn(ticket);
        await().atMost(KAFKA).until(() -> timers(ticket) == 2);
        assertEquals(checkIn.plus(Duration.ofMinutes(12)), dueAt(ticket, SlaKind.WAIT_WARNING));
        assertEquals(checkIn.plus(WAIT_LIMIT), dueAt(ticket, SlaKind.WAIT_BREACH));
        clock.advance(Duration.ofMinutes(11));
        scan();
        assertEquals(0, findings(ticket), "51 minutes after the take, 11 after the check-in: nothing late");

        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.set(checkIn.plus(WAIT_LIMIT));
            scan();
            SlaBreached breach = (SlaBreached) sla.await(s -> SlaTopic.about(ticket).test(s)
                    && s.event().eventType() == EventType.SLA_BREACHED, 1, KAFKA).get(0).sla();
            assertEquals(SlaRule.WAIT, breach.rule());
            assertEquals(900, breach.actualSeconds());
            assertEquals(checkIn, breach.startedAt());
        }
    }

    @Test
    void a_remote_ticket_never_checked_in_expires_without_a_timer_a_finding_or_a_dead_letter() {
        Hall hall = new Hall("EXPIRED", clock);
        String ticket = hall.takeRemote("PAYMENT");
        clock.advance(Duration.ofMinutes(61));
        hall.expire(ticket);
        String after = hall.issue("PAYMENT"); // behind both on the branch's partition
        await().atMost(KAFKA).until(() -> timers(after) == 2);
        assertEquals(2, journaled(ticket), "the take and the expiry were each applied once, neither dead-lettered");
        assertEquals(0, timers(ticket));
        clock.advance(Duration.ofMinutes(30));
        scan();
        assertEquals(0, findings(ticket));
        assertEquals(1, findings(after, SlaKind.WAIT_BREACH), "the hall is watched: the ticket issued after is breached");
    }

    @Test
    void an_appointment_checked_in_early_waits_from_its_slot_and_one_checked_in_late_from_its_check_in() {
        Hall hall = new Hall("APPT", clock);
        Instant slot = clock.instant().plus(Duration.ofMinutes(60));
        String calledAppointment = hall.book("PAYMENT", slot);
        String waitingAppointment = hall.book("PAYMENT", slot);
        String lateAppointment = hall.book("PAYMENT", slot);
        clock.set(slot.minus(Duration.ofMinutes(10)));
        String called = hall.checkInAppointment(calledAppointment);
        String waiting = hall.checkInAppointment(waitingAppointment);
        await().atMost(KAFKA).until(() -> timers(called) == 2 && timers(waiting) == 2);
        assertEquals(slot.plus(WAIT_LIMIT), dueAt(waiting, SlaKind.WAIT_BREACH), "due at the slot's start plus the limit");
        assertEquals(slot.plus(Duration.ofMinutes(12)), dueAt(waiting, SlaKind.WAIT_WARNING));
        assertEquals(slot, db.one("SELECT issued_wait_from FROM sla_ticket WHERE ticket_id = ?", rs -> Db.instant(rs, "issued_wait_from"),
                waiting).orElseThrow());

        clock.set(slot.plus(Duration.ofMinutes(10)));
        scan();
        assertEquals(0, findings(called) + findings(waiting), "20 minutes after the check-in, 10 after the slot's start");
        hall.call(called, "C01");
        await().atMost(KAFKA).until(() -> timers(called) == 0);

        try (SlaTopic sla = SlaTopic.fromNow()) {
            clock.set(slot.plus(WAIT_LIMIT));
            scan();
            SlaBreached breach = (SlaBreached) sla.await(s -> SlaTopic.about(waiting).test(s)
                    && s.event().eventType() == EventType.SLA_BREACHED, 1, KAFKA).get(0).sla();
            assertEquals(900, breach.actualSeconds());
            assertEquals(slot, breach.startedAt(), "the wait started at the slot, not at the check-in");
        }
        assertEquals(0, findings(called), "called 10 minutes into its slot: no warning, no breach");

        // Past the window: an ordinary ticket from the check-in.
        clock.set(slot.plus(Duration.ofMinutes(20)));
        Instant lateCheckIn = clock.instant();
        String late = hall.checkInAppointment(lateAppointment);
        await().atMost(KAFKA).until(() -> timers(late) == 2);
        assertEquals(lateCheckIn.plus(WAIT_LIMIT), dueAt(late, SlaKind.WAIT_BREACH));
    }

    @Test
    void the_appointment_steps_and_a_remote_take_are_applied_once_and_change_nothing() {
        Hall hall = new Hall("APPTEVT", clock);
        Instant now = clock.instant();
        Instant slot = now.plus(Duration.ofMinutes(30));
        String appointment = UUID.randomUUID().toString();
        String ticket = TimeOrderedIds.next().toString();
        String remoteTicket = TimeOrderedIds.next().toString();
        List<CloudEvent<?>> published = List.of(
                hall.publish(new AppointmentBooked(appointment, hall.branch, "PAYMENT", slot, slot.plus(Duration.ofMinutes(30)), now,
                        "CRM-1")),
                // A check-in whose ticket's issue is not (yet) on the topic: the check-in alone starts no wait.
                hall.publish(new AppointmentCheckedIn(appointment, hall.branch, "PAYMENT", slot, now, ticket, "D001", false)),
                hall.publish(new AppointmentCancelled(appointment, hall.branch, "PAYMENT", slot, now, "NO_SHOW")),
                hall.publish(new RemoteTicketTaken(remoteTicket, hall.branch, "R001", "PAYMENT", CustomerTier.NORMAL, now,
                        now.plus(Duration.ofMinutes(60)))));
        String after = hall.issue("PAYMENT");
        await().atMost(KAFKA).until(() -> timers(after) == 2);
        for (CloudEvent<?> e : published) {
            assertEquals(1, db.count("SELECT count(*) FROM event_journal WHERE event_id = ?", e.id()),
                    e.type() + " applied once, not dead-lettered");
        }
        assertEquals(0, db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ANY(?)",
                List.of(appointment, ticket, remoteTicket)), "no ticket's wait began");
        clock.advance(Duration.ofMinutes(90));
        scan();
        assertEquals(0, db.count("SELECT count(*) FROM sla_breach WHERE branch_id = ? AND ticket_id <> ?", hall.branch, after));
        assertEquals(0, db.count("SELECT count(*) FROM sla_timer WHERE branch_id = ? AND ticket_id <> ?", hall.branch, after));
    }

    private void scan() {
        Hall.promise(clock.instant(), follower);
        scanner.scan();
    }

    private long journaled(String subject) {
        return db.count("SELECT count(*) FROM event_journal WHERE subject = ?", subject);
    }

    private long timers(String ticket) {
        return db.count("SELECT count(*) FROM sla_timer WHERE ticket_id = ?", ticket);
    }

    private Instant dueAt(String ticket, SlaKind kind) {
        return db.one("SELECT due_at FROM sla_timer WHERE ticket_id = ? AND kind = ?", rs -> Db.instant(rs, "due_at"), ticket,
                kind.name()).orElse(null);
    }

    private long findings(String ticket) {
        return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ?", ticket);
    }

    private long findings(String ticket, SlaKind kind) {
        return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ? AND kind = ?", ticket, kind.name());
    }
}
