package io.hallwatch.sla.domain.detection;

import io.hallwatch.common.standard.StandardLimits;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ParkPosition;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketOrigin;
import io.hallwatch.events.TicketParked;
import io.hallwatch.sla.domain.policy.Policies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 25 on the pure classes: a walk-in never wait-breaches, a parked visit resumes its wait clock with the budget
 * it had left, the service under way at a park stops there, and no breach is ever raised twice across a park; a remote
 * ticket or an appointment waits from the customer's check-in, an appointment checked in early from its slot's start.
 * A small driver plays the monitor: events fold into the facts, timers come due, findings are kept once per kind.
 */
class VisitRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final String TICKET = "7f9a3c1e-8f3b-4f5e-9d2a-0c4b5e6f7a81";
    private static final String BRANCH = "GZ-TH-001";
    private static final TicketDetector DETECTOR = new TicketDetector(new DetectionSettings(Duration.ofSeconds(5)));

    /** One ticket as the monitor keeps it: facts, kinds raised, timers. */
    private static final class Monitor {
        TicketFacts facts = TicketFacts.empty(TICKET, BRANCH);
        final List<Finding> findings = new ArrayList<>();
        List<Deadline> timers = List.of();

        Monitor on(TicketEvent event, Instant now) {
            facts = facts.with(event);
            keep(DETECTOR.onEvent(facts, limits(), raised(), now));
            return this;
        }

        /** Every timer due by {@code now}, earliest first, each judged at its due moment. */
        Monitor clockAt(Instant now) {
            boolean fired = true;
            while (fired) {
                fired = false;
                for (Deadline d : timers.stream().sorted(java.util.Comparator.comparing(Deadline::dueAt)).toList()) {
                    if (!d.dueAt().isAfter(now)) {
                        keep(DETECTOR.onDue(facts, limits(), raised(), d.kind(), d.dueAt()));
                        fired = true;
                        break;
                    }
                }
            }
            return this;
        }

        private void keep(TicketDetector.Outcome outcome) {
            outcome.findings().forEach(f -> {
                if (!raised().contains(f.kind())) {
                    findings.add(f);
                }
            });
            timers = outcome.timers();
        }

        Set<SlaKind> raised() {
            Set<SlaKind> kinds = EnumSet.noneOf(SlaKind.class);
            findings.forEach(f -> kinds.add(f.kind()));
            return kinds;
        }

        StandardLimits limits() {
            return LimitsFor.ticket(Policies.history(Policies.standard()), facts);
        }

        List<SlaKind> kinds() {
            return findings.stream().map(Finding::kind).toList();
        }
    }

    private static Instant at(double minutes) {
        return T0.plusMillis(Math.round(minutes * 60_000));
    }

    private static TicketIssued issued(boolean walkIn) {
        return new TicketIssued(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, T0, null, null, null, walkIn ? true : null);
    }

    /** Joined the queue at the check-in {@code minutes} (issue 25 items 5 and 6), waiting from {@code waitFrom} if later. */
    private static TicketIssued checkedIn(double minutes, TicketOrigin origin, Double waitFromMinutes) {
        return new TicketIssued(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, at(minutes), null, 240L, false, null, origin,
                waitFromMinutes == null ? null : at(waitFromMinutes));
    }

    /** The call of a ticket checked in at {@code checkInMinutes}: its issuedAt is the check-in, as the queue's row has it. */
    private static TicketCalled calledAfterCheckIn(double checkInMinutes, double minutes, long waitSeconds) {
        return new TicketCalled(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, at(checkInMinutes), at(minutes), "C01",
                "clerk-0001", waitSeconds);
    }

    private static TicketCalled called(double minutes, long waitSeconds, boolean walkIn) {
        return new TicketCalled(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, T0, at(minutes), "C01", "clerk-0001",
                waitSeconds, null, null, walkIn ? true : null);
    }

    private static ServiceStarted started(double minutes) {
        return new ServiceStarted(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, "C01", "clerk-0001", at(minutes));
    }

    private static ServiceFinished finished(double startedMinutes, double minutes) {
        return new ServiceFinished(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, "C01", "clerk-0001", at(startedMinutes),
                at(minutes), Math.round((minutes - startedMinutes) * 60), ServiceOutcome.COMPLETED, List.of("PAYMENT"));
    }

    private static TicketParked parked(double minutes, String statusAtPark, long waitedSeconds) {
        return new TicketParked(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, at(minutes), ParkPosition.BACK, statusAtPark,
                "C01", "clerk-0001", waitedSeconds);
    }

    @Test
    void a_walk_in_never_gets_a_wait_timer_nor_a_wait_breach_but_its_service_is_judged() {
        Monitor m = new Monitor().on(issued(true), T0);
        assertEquals(List.of(), m.timers, "no wait timer even before its call is seen");
        m.on(called(0, 0, true), T0).on(started(1), at(1)).clockAt(at(30));
        assertEquals(List.of(SlaKind.HANDLING_WARNING, SlaKind.HANDLING_BREACH), m.kinds(), "payment's 2 minutes still hold");
        assertFalse(m.facts.waitJudged());

        // The call first (another order of the same facts): still no wait judged.
        Monitor callFirst = new Monitor().on(called(0, 0, true), T0).on(issued(false), T0).clockAt(at(30));
        assertEquals(List.of(), callFirst.findings);
        assertEquals(List.of(), callFirst.timers);
    }

    @Test
    void a_parked_visit_waits_again_on_the_budget_it_had_left() {
        Monitor m = new Monitor().on(issued(false), T0).on(called(6, 360, false), at(6)).clockAt(at(20));
        assertEquals(List.of(), m.timers, "called after 6 minutes: nothing to watch");
        m.on(parked(20, "CALLED", 360), at(20));
        // 6 of 15 minutes used: the breach is due 9 minutes after the park, the 12-minute warning 6 after it.
        assertEquals(List.of(new Deadline(SlaKind.WAIT_WARNING, at(26)), new Deadline(SlaKind.WAIT_BREACH, at(29))), m.timers);
        assertTrue(m.facts.waiting());
        m.clockAt(at(28.9));
        assertEquals(List.of(SlaKind.WAIT_WARNING), m.kinds());
        m.clockAt(at(29));
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), m.kinds());
        assertEquals(Duration.ofMinutes(15), m.findings.get(1).actual(), "6 minutes before the park and 9 after it");
        // Called at last: no second breach, no timer left.
        m.on(called(35, 1260, false), at(35)).clockAt(at(60));
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), m.kinds());
        assertEquals(List.of(), m.timers);
    }

    @Test
    void a_parked_visit_called_within_its_budget_is_no_breach() {
        Monitor m = new Monitor().on(issued(false), T0).on(called(6, 360, false), at(6)).on(parked(20, "CALLED", 360), at(20))
                .clockAt(at(28)).on(called(28, 840, false), at(28)).clockAt(at(60));
        assertEquals(List.of(SlaKind.WAIT_WARNING), m.kinds(), "warned at 12 minutes of waiting, called at 14");
        assertEquals(at(28), m.facts.waitEndedAt());
    }

    @Test
    void a_wait_breached_before_the_park_is_never_breached_again_after_it() {
        Monitor m = new Monitor().on(issued(false), T0).clockAt(at(16));
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), m.kinds());
        m.on(called(16, 960, false), at(16)).on(parked(20, "CALLED", 960), at(20));
        assertEquals(List.of(), m.timers, "the wait is already breached: nothing more to time");
        m.clockAt(at(50)).on(called(50, 2760, false), at(50));
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), m.kinds());
    }

    @Test
    void the_handling_timer_stops_at_a_park_and_the_next_service_is_judged_on_its_own() {
        Monitor m = new Monitor().on(issued(false), T0).on(called(1, 60, false), at(1)).on(started(2), at(2));
        assertEquals(List.of(SlaKind.HANDLING_WARNING, SlaKind.HANDLING_BREACH), m.timers.stream().map(Deadline::kind).toList());
        m.on(parked(3, "SERVING", 60), at(3));
        assertFalse(m.facts.inService());
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), m.timers.stream().map(Deadline::kind).toList());
        m.clockAt(at(5)).on(called(5, 180, false), at(5)).on(started(6), at(6)).on(finished(6, 7.5), at(7.5)).clockAt(at(60));
        assertEquals(List.of(), m.findings, "a minute, then a minute and a half: each within payment's 2 minutes");
    }

    @Test
    void a_service_over_its_limit_before_the_park_is_one_breach_and_the_next_service_cannot_add_another() {
        // The monitor saw no timer fire (it was down): the park itself shows the service ran 3 minutes.
        Monitor m = new Monitor().on(issued(false), T0).on(called(1, 60, false), at(1)).on(started(2), at(2));
        m.timers = List.of();
        m.on(parked(5, "SERVING", 60), at(5));
        assertEquals(List.of(SlaKind.HANDLING_BREACH), m.kinds());
        assertEquals(Duration.ofMinutes(3), m.findings.get(0).actual());
        m.on(called(6, 120, false), at(6)).on(started(7), at(7)).on(finished(7, 12), at(12)).clockAt(at(60));
        assertEquals(List.of(SlaKind.HANDLING_BREACH), m.kinds());
    }

    @Test
    void a_late_service_start_from_before_the_park_changes_nothing_about_the_resumed_wait() {
        List<TicketEvent> inOrder = List.of(issued(false), called(6, 360, false), started(7), parked(20, "SERVING", 360),
                called(25, 660, false));
        List<TicketEvent> startLate = List.of(issued(false), called(6, 360, false), parked(20, "SERVING", 360), started(7),
                called(25, 660, false));
        TicketFacts a = TicketFacts.empty(TICKET, BRANCH);
        TicketFacts b = TicketFacts.empty(TICKET, BRANCH);
        for (TicketEvent e : inOrder) {
            a = a.with(e);
        }
        for (TicketEvent e : startLate) {
            b = b.with(e).with(e); // twice: a redelivery changes nothing
        }
        assertEquals(a, b);
        assertEquals(at(25), a.waitEndedAt());
        assertEquals(at(14), a.waitClockStart(), "parked at 20 with 6 minutes kept");
        assertEquals(at(20), a.handlingEndedAt());
        // Before the second call, the first service's start does not end the resumed wait.
        TicketFacts parkedOnly = TicketFacts.empty(TICKET, BRANCH).with(issued(false)).with(called(6, 360, false))
                .with(parked(20, "SERVING", 360)).with(started(7));
        assertTrue(parkedOnly.waiting());
    }

    // Remote tickets and appointments (issue 25 items 5 and 6). T0 plays 10:00; payment's wait limit is 15 minutes.

    @Test
    void a_remote_ticket_waits_from_its_check_in_never_from_when_it_was_taken() {
        // Taken in the mini-program at 10:00 (RemoteTicketTaken: no ticket event, nothing waits), checked in at 10:40.
        Monitor m = new Monitor().on(checkedIn(40, TicketOrigin.REMOTE, null), at(40));
        assertEquals(List.of(new Deadline(SlaKind.WAIT_WARNING, at(52)), new Deadline(SlaKind.WAIT_BREACH, at(55))), m.timers);
        m.clockAt(at(51.9));
        assertEquals(List.of(), m.findings, "40 minutes after the ticket was taken, 11.9 after the check-in: nothing late");
        m.clockAt(at(54.9));
        assertEquals(List.of(SlaKind.WAIT_WARNING), m.kinds());
        m.clockAt(at(55));
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), m.kinds());
        Finding breach = m.findings.get(1);
        assertEquals(Duration.ofMinutes(15), breach.actual());
        assertEquals(at(40), breach.startedAt(), "the wait started at the check-in");
        assertEquals(at(55), breach.deadline());
    }

    @Test
    void a_remote_ticket_that_expired_unchecked_gets_no_timer_and_no_finding() {
        TicketCancelled expired = new TicketCancelled(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, at(61), "REMOTE_EXPIRED");
        Monitor m = new Monitor().on(expired, at(61));
        assertEquals(List.of(), m.timers);
        m.clockAt(at(600));
        assertEquals(List.of(), m.findings);
        assertFalse(m.facts.waiting());
        assertNull(m.facts.waitClockStart(), "never issued: no wait at all");
    }

    @Test
    void an_appointment_checked_in_before_its_slot_waits_from_the_slot_and_is_no_breach_if_called_within_the_limit() {
        // Checked in at 10:50 for the 11:00 slot.
        Monitor m = new Monitor().on(checkedIn(50, TicketOrigin.APPOINTMENT, 60.0), at(50));
        assertEquals(at(60), m.facts.waitClockStart());
        assertEquals(List.of(new Deadline(SlaKind.WAIT_WARNING, at(72)), new Deadline(SlaKind.WAIT_BREACH, at(75))), m.timers,
                "the breach is due at 11:15, not 11:05");
        m.clockAt(at(70)).on(calledAfterCheckIn(50, 70, 600), at(70)).clockAt(at(120));
        assertEquals(List.of(), m.findings, "called at 11:10: 10 minutes after the slot's start, 20 after the check-in");
        assertEquals(List.of(), m.timers);
        assertEquals(Duration.ofMinutes(10), m.facts.waitUntil(m.facts.waitEndedAt()));
    }

    @Test
    void an_appointment_waiting_past_its_slot_plus_the_limit_is_breached_from_the_slot() {
        Monitor m = new Monitor().on(checkedIn(50, TicketOrigin.APPOINTMENT, 60.0), at(50)).clockAt(at(71.9));
        assertEquals(List.of(), m.findings, "21.9 minutes after the check-in, 11.9 after the slot's start");
        m.clockAt(at(74.9));
        assertEquals(List.of(SlaKind.WAIT_WARNING), m.kinds());
        assertEquals(at(72), m.findings.get(0).deadline(), "warned at 80 % of the limit from the slot's start");
        m.clockAt(at(75));
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), m.kinds());
        assertEquals(Duration.ofMinutes(15), m.findings.get(1).actual());
        assertEquals(at(60), m.findings.get(1).startedAt(), "the wait started at the slot, not at the check-in");
    }

    @Test
    void an_appointment_called_before_its_slot_waited_nothing_and_a_late_one_waits_from_its_check_in() {
        Monitor early = new Monitor().on(checkedIn(50, TicketOrigin.APPOINTMENT, 60.0), at(50))
                .on(calledAfterCheckIn(50, 55, 0), at(55)).clockAt(at(120));
        assertEquals(List.of(), early.findings);
        assertEquals(Duration.ZERO, early.facts.waitUntil(early.facts.waitEndedAt()), "never a negative wait");

        // Checked in at 11:20 for the 11:00 slot, past its window: an ordinary ticket from the check-in.
        Monitor late = new Monitor().on(checkedIn(80, TicketOrigin.LATE_APPOINTMENT, null), at(80));
        assertEquals(List.of(new Deadline(SlaKind.WAIT_WARNING, at(92)), new Deadline(SlaKind.WAIT_BREACH, at(95))), late.timers);
        late.clockAt(at(95));
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), late.kinds());
        assertEquals(at(80), late.findings.get(1).startedAt());

        // A waitFrom before the check-in (a slot already begun) does not move the wait back before the check-in.
        assertEquals(at(80), TicketFacts.empty(TICKET, BRANCH).with(checkedIn(80, TicketOrigin.APPOINTMENT, 60.0)).waitClockStart());
    }

    @Test
    void the_slot_start_is_folded_whatever_the_order_and_a_call_seen_first_waits_on_the_check_in_until_the_issue_comes() {
        TicketIssued issue = checkedIn(50, TicketOrigin.APPOINTMENT, 60.0);
        TicketCalled call = calledAfterCheckIn(50, 70, 600);
        TicketFacts callFirst = TicketFacts.empty(TICKET, BRANCH).with(call);
        assertEquals(at(50), callFirst.waitClockStart(), "the call carries the check-in only");
        TicketFacts a = TicketFacts.empty(TICKET, BRANCH).with(issue).with(call);
        TicketFacts b = callFirst.with(issue).with(issue);
        assertEquals(a, b);
        assertEquals(at(60), a.waitClockStart());
        assertEquals(at(60), a.waitFrom());
    }

    @Test
    void a_parked_appointment_resumes_on_the_wait_kept_from_its_slot() {
        // Checked in 10:50, slot 11:00, called 11:05 (5 minutes of wait kept), parked at 11:10.
        Monitor m = new Monitor().on(checkedIn(50, TicketOrigin.APPOINTMENT, 60.0), at(50)).on(calledAfterCheckIn(50, 65, 300), at(65))
                .on(parked(70, "CALLED", 300), at(70));
        assertEquals(at(65), m.facts.waitClockStart(), "parked at 11:10 with 5 minutes kept");
        assertEquals(List.of(new Deadline(SlaKind.WAIT_WARNING, at(77)), new Deadline(SlaKind.WAIT_BREACH, at(80))), m.timers,
                "the 10 minutes left of 15");
        m.clockAt(at(80));
        assertEquals(List.of(SlaKind.WAIT_WARNING, SlaKind.WAIT_BREACH), m.kinds());
        assertEquals(Duration.ofMinutes(15), m.findings.get(1).actual(), "5 minutes before the park and 10 after it");
        assertEquals(at(60), m.findings.get(1).startedAt(), "a park does not move where the wait started");
    }

    @Test
    void a_parked_remote_ticket_keeps_only_the_wait_from_its_check_in() {
        // Taken at 10:00, checked in 10:40, called 10:46 (6 minutes kept), parked at 10:50, called again at 10:58.
        Monitor m = new Monitor().on(checkedIn(40, TicketOrigin.REMOTE, null), at(40)).on(calledAfterCheckIn(40, 46, 360), at(46))
                .on(parked(50, "CALLED", 360), at(50));
        assertEquals(List.of(new Deadline(SlaKind.WAIT_WARNING, at(56)), new Deadline(SlaKind.WAIT_BREACH, at(59))), m.timers);
        m.clockAt(at(58)).on(calledAfterCheckIn(40, 58, 840), at(58)).clockAt(at(120));
        assertEquals(List.of(SlaKind.WAIT_WARNING), m.kinds(), "14 minutes of waiting in all: warned, not breached");
        assertEquals(Duration.ofMinutes(14), m.facts.waitUntil(m.facts.waitEndedAt()));
    }
}
