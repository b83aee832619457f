package io.hallwatch.sla.domain.detection;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.sla.domain.policy.Policies;
import io.hallwatch.common.standard.StandardLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service standard's rules, case by case, on the pure classes. */
class SlaRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final String TICKET = "7f9a3c1e-8f3b-4f5e-9d2a-0c4b5e6f7a81";
    private static final String BRANCH = "GZ-TH-001";
    private static final SlaJudge JUDGE = new SlaJudge(new DetectionSettings(Duration.ofSeconds(5)));

    private static TicketFacts issued(String type) {
        return TicketFacts.empty(TICKET, BRANCH).with(new TicketIssued(TICKET, BRANCH, "A001", type, CustomerTier.NORMAL, T0, null));
    }

    private static StandardLimits limits(TicketFacts f) {
        return LimitsFor.ticket(Policies.history(Policies.standard()), f);
    }

    private static TicketFacts called(TicketFacts f, Duration after) {
        return f.with(new TicketCalled(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, T0, T0.plus(after), "C01", "clerk-0001",
                after.toSeconds()));
    }

    private static TicketFacts started(TicketFacts f, Instant at) {
        return f.with(new ServiceStarted(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, "C01", "clerk-0001", at));
    }

    private static TicketFacts finished(TicketFacts f, Instant started, Instant at) {
        return f.with(new ServiceFinished(TICKET, BRANCH, "A001", "PAYMENT", CustomerTier.NORMAL, "C01", "clerk-0001", started, at,
                Duration.between(started, at).toSeconds(), ServiceOutcome.COMPLETED, List.of("PAYMENT")));
    }

    @Test
    void a_customer_still_waiting_at_15_minutes_is_a_breach_raised_by_the_timer_on_time() {
        TicketFacts f = issued("PAYMENT");
        assertEquals(List.of(new Deadline(SlaKind.WAIT_WARNING, T0.plusSeconds(720)), new Deadline(SlaKind.WAIT_BREACH, T0.plusSeconds(900))),
                DeadlinePlanner.plan(f, limits(f), Set.of()));
        Finding breach = JUDGE.onDue(f, limits(f), SlaKind.WAIT_BREACH, T0.plusSeconds(900).plusMillis(200), Set.of()).orElseThrow();
        assertEquals(T0.plusSeconds(900), breach.deadline());
        assertEquals(Duration.ofSeconds(900), breach.limit());
        assertEquals(Duration.ofMillis(900_200), breach.actual());
        assertFalse(breach.late());
        assertEquals(null, breach.counterId());
    }

    @Test
    void a_customer_called_at_14_59_is_no_breach_and_needs_no_timer() {
        TicketFacts f = called(issued("PAYMENT"), Duration.ofSeconds(899));
        assertEquals(List.of(), DeadlinePlanner.plan(f, limits(f), Set.of()));
        assertEquals(List.of(), JUDGE.afterEvent(f, limits(f), T0.plusSeconds(899), Set.of()));
        assertEquals(Optional.empty(), JUDGE.onDue(f, limits(f), SlaKind.WAIT_BREACH, T0.plusSeconds(901), Set.of()));
    }

    @Test
    void a_customer_called_exactly_at_15_00_has_reached_the_limit() {
        TicketFacts f = called(issued("PAYMENT"), Duration.ofSeconds(900));
        List<Finding> found = JUDGE.afterEvent(f, limits(f), T0.plusSeconds(900), Set.of());
        assertEquals(1, found.size());
        assertEquals("C01", found.get(0).counterId());
    }

    @Test
    void a_call_seen_long_after_the_deadline_raises_the_breach_then_marked_late() {
        TicketFacts f = called(issued("PAYMENT"), Duration.ofMinutes(20));
        Finding breach = JUDGE.afterEvent(f, limits(f), T0.plus(Duration.ofMinutes(40)), Set.of()).get(0);
        assertTrue(breach.late());
        assertEquals(Duration.ofMinutes(20), breach.actual());
        assertEquals(List.of(), JUDGE.afterEvent(f, limits(f), T0.plus(Duration.ofMinutes(41)), EnumSet.of(SlaKind.WAIT_BREACH)));
    }

    @Test
    void a_customer_who_gave_up_after_20_minutes_was_a_breach() {
        TicketFacts f = issued("GENERAL").with(new TicketCancelled(TICKET, BRANCH, "A001", "GENERAL", CustomerTier.NORMAL,
                T0.plus(Duration.ofMinutes(20)), null));
        assertEquals(SlaKind.WAIT_BREACH, JUDGE.afterEvent(f, limits(f), T0.plus(Duration.ofMinutes(20)), Set.of()).get(0).kind());
    }

    private static TicketFacts closedWithTheDay(TicketFacts f, Duration after, String statusAtClose) {
        return f.with(new io.hallwatch.events.TicketClosed(TICKET, BRANCH, "A001", f.waitBusinessType(), CustomerTier.NORMAL,
                T0.plus(after), io.hallwatch.events.TicketCloseReason.BRANCH_CLOSED, statusAtClose, java.time.LocalDate.of(2026, 11, 24)));
    }

    @Test
    void a_ticket_closed_with_the_day_is_over_no_timer_no_warning_no_breach_after_the_close() {
        TicketFacts f = closedWithTheDay(issued("GENERAL"), Duration.ofMinutes(10), "WAITING");
        assertTrue(f.closedUnserved());
        assertFalse(f.waiting());
        assertEquals(T0.plus(Duration.ofMinutes(10)), f.waitEndedAt());
        assertEquals(List.of(), DeadlinePlanner.plan(f, limits(f), Set.of()));
        assertEquals(List.of(), JUDGE.afterEvent(f, limits(f), T0.plus(Duration.ofMinutes(10)), Set.of()));
        assertEquals(Optional.empty(), JUDGE.onDue(f, limits(f), SlaKind.WAIT_WARNING, T0.plus(Duration.ofMinutes(12)), Set.of()));
        assertEquals(Optional.empty(), JUDGE.onDue(f, limits(f), SlaKind.WAIT_BREACH, T0.plus(Duration.ofMinutes(15)), Set.of()));
        // The same facts whatever the order and however often the close arrives.
        TicketFacts closeFirst = TicketFacts.empty(TICKET, BRANCH);
        closeFirst = closedWithTheDay(closeFirst, Duration.ofMinutes(10), "WAITING");
        closeFirst = closeFirst.with(new io.hallwatch.events.TicketIssued(TICKET, BRANCH, "A001", "GENERAL", CustomerTier.NORMAL, T0, null));
        assertEquals(f, closedWithTheDay(closeFirst, Duration.ofMinutes(10), "WAITING"));
    }

    @Test
    void a_customer_who_had_waited_past_the_limit_when_the_day_closed_was_a_breach_and_a_called_one_keeps_the_call() {
        TicketFacts late = closedWithTheDay(issued("GENERAL"), Duration.ofMinutes(20), "WAITING");
        assertEquals(SlaKind.WAIT_BREACH, JUDGE.afterEvent(late, limits(late), T0.plus(Duration.ofMinutes(20)), Set.of()).get(0).kind());
        TicketFacts called = closedWithTheDay(called(issued("GENERAL"), Duration.ofMinutes(5)), Duration.ofMinutes(30), "CALLED");
        assertEquals(T0.plus(Duration.ofMinutes(5)), called.waitEndedAt());
        assertTrue(called.closedUnserved());
    }

    @Test
    void the_warning_comes_at_80_percent_only_while_the_customer_still_waits_and_never_after_the_breach_is_due() {
        TicketFacts f = issued("PAYMENT");
        assertEquals(Optional.empty(), JUDGE.onDue(f, limits(f), SlaKind.WAIT_WARNING, T0.plusSeconds(719), Set.of()));
        Finding warning = JUDGE.onDue(f, limits(f), SlaKind.WAIT_WARNING, T0.plusSeconds(720), Set.of()).orElseThrow();
        assertEquals(T0.plusSeconds(720), warning.deadline());
        assertEquals(Optional.empty(), JUDGE.onDue(f, limits(f), SlaKind.WAIT_WARNING, T0.plusSeconds(900), Set.of()));
        TicketFacts calledLate = called(f, Duration.ofSeconds(800));
        assertEquals(Optional.empty(), JUDGE.onDue(calledLate, limits(calledLate), SlaKind.WAIT_WARNING, T0.plusSeconds(801), Set.of()));
        assertEquals(List.of(), DeadlinePlanner.plan(f, limits(f), EnumSet.of(SlaKind.WAIT_BREACH)));
    }

    @Test
    void a_payment_served_for_2_min_1_s_is_a_handling_breach_and_1_min_59_is_not() {
        Instant s = T0.plusSeconds(300);
        TicketFacts serving = started(called(issued("PAYMENT"), Duration.ofSeconds(290)), s);
        assertTrue(DeadlinePlanner.plan(serving, limits(serving), Set.of()).contains(new Deadline(SlaKind.HANDLING_BREACH, s.plusSeconds(120))));
        Finding live = JUDGE.onDue(serving, limits(serving), SlaKind.HANDLING_BREACH, s.plusSeconds(121), Set.of()).orElseThrow();
        assertEquals(Duration.ofSeconds(121), live.actual());
        assertEquals("clerk-0001", live.clerkId());

        TicketFacts slow = finished(serving, s, s.plusSeconds(121));
        assertEquals(SlaKind.HANDLING_BREACH, JUDGE.afterEvent(slow, limits(slow), s.plusSeconds(121), Set.of()).get(0).kind());
        TicketFacts quick = finished(serving, s, s.plusSeconds(119));
        assertEquals(List.of(), JUDGE.afterEvent(quick, limits(quick), s.plusSeconds(119), Set.of()));
        assertEquals(List.of(), DeadlinePlanner.plan(quick, limits(quick), Set.of()));
    }

    @Test
    void a_service_start_seen_before_its_call_proves_the_wait_ended_by_then() {
        TicketFacts early = started(issued("PAYMENT"), T0.plusSeconds(600));
        assertEquals(List.of(), DeadlinePlanner.plan(early, limits(early), Set.of()).stream()
                .filter(d -> d.kind().rule() == io.hallwatch.events.SlaRule.WAIT).toList());
        assertEquals(Optional.empty(), JUDGE.onDue(early, limits(early), SlaKind.WAIT_BREACH, T0.plusSeconds(1000), Set.of()));

        // Started after the deadline with the call not seen: the wait certainly reached the limit.
        TicketFacts late = started(issued("PAYMENT"), T0.plusSeconds(1000));
        assertTrue(DeadlinePlanner.plan(late, limits(late), Set.of()).contains(new Deadline(SlaKind.WAIT_BREACH, T0.plusSeconds(900))));
        assertEquals(Duration.ofSeconds(1000), JUDGE.onDue(late, limits(late), SlaKind.WAIT_BREACH, T0.plusSeconds(1100), Set.of())
                .orElseThrow().actual());
        assertEquals(List.of(), JUDGE.afterEvent(late, limits(late), T0.plusSeconds(1000), Set.of()),
                "a service start alone never raises the wait breach at event time: the call may still come");
    }

    @Test
    void the_lag_fence_passes_only_once_both_partitions_are_applied_up_to_it() {
        PartitionFence fence = new PartitionFence(10, 4);
        assertFalse(fence.passedBy(9, 4));
        assertFalse(fence.passedBy(10, 3));
        assertTrue(fence.passedBy(10, 4));
        assertTrue(fence.passedBy(12, 9));
    }
}
