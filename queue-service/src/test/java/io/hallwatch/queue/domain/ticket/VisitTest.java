package io.hallwatch.queue.domain.ticket;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ParkPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The visit rules on a ticket: walk-in, chosen call, park and return, and the wait clock across a park. */
class VisitTest {
    private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");

    private static Ticket waiting() {
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.branchId = "B";
        t.businessType = "PAYMENT";
        t.tier = CustomerTier.NORMAL;
        t.number = "A001";
        t.status = TicketStatus.WAITING;
        t.issuedAt = T0;
        return t;
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void a_walk_in_is_called_at_its_counter_the_moment_it_exists_and_never_waits() {
        Ticket t = new Ticket();
        t.walkInAt("C03", "clerk-1", at(5));
        assertEquals(TicketStatus.CALLED, t.status);
        assertTrue(t.walkIn);
        assertEquals(at(5), t.issuedAt);
        assertEquals(at(5), t.calledAt);
        assertEquals("C03", t.counterId);
        assertEquals(Duration.ZERO, t.waitedUntil(t.calledAt));
    }

    @Test
    void a_chosen_call_keeps_its_reason_and_is_out_of_order_only_when_it_jumped_someone() {
        Ticket chosen = waiting();
        chosen.call("C03", "clerk-1", at(4), "ELDERLY", true);
        assertEquals(TicketStatus.CALLED, chosen.status);
        assertEquals("ELDERLY", chosen.callReason);
        assertTrue(chosen.outOfOrder);

        Ticket next = waiting();
        next.call("C03", "clerk-1", at(4), null, true);
        assertNull(next.callReason);
        assertFalse(next.outOfOrder, "call-next is never out of order");
    }

    @Test
    void a_park_keeps_the_wait_before_the_call_and_not_the_time_at_the_counter() {
        Ticket t = waiting();
        t.call("C03", "clerk-1", at(6), null, false);
        t.apply(TicketAction.START_SERVICE);
        t.startedAt = at(7);
        Duration kept = t.park(ParkPosition.BACK, at(20));
        assertEquals(Duration.ofMinutes(6), kept);
        assertEquals(TicketStatus.WAITING, t.status);
        assertEquals(Duration.ofMinutes(6), t.waitedUntil(at(20)), "the 14 minutes called and served are not waiting");
        assertEquals(Duration.ofMinutes(9), t.waitedUntil(at(23)), "the clock runs again from the return");
        assertNull(t.calledAt);
        assertNull(t.counterId);
        assertNull(t.startedAt);
        assertEquals(1, t.parkCount);
        assertEquals(T0, t.issuedAt, "the original issue is kept");
    }

    @Test
    void a_second_park_keeps_the_wait_of_both_stretches() {
        Ticket t = waiting();
        t.call("C03", "clerk-1", at(6), null, false);
        t.park(ParkPosition.FRONT, at(10));
        t.call("C04", "clerk-2", at(13), null, false);
        assertEquals(Duration.ofMinutes(9), t.waitedUntil(t.calledAt));
        Duration kept = t.park(ParkPosition.ORIGINAL, at(30));
        assertEquals(Duration.ofMinutes(9), kept);
        assertEquals(at(21), t.waitClockStart());
        assertEquals(2, t.parkCount);
    }

    @ParameterizedTest
    @EnumSource(ParkPosition.class)
    void the_position_decides_the_place_in_the_queue(ParkPosition position) {
        Ticket t = waiting();
        t.call("C03", "clerk-1", at(6), null, false);
        t.park(position, at(20));
        var w = t.asWaiting();
        assertEquals(position == ParkPosition.ORIGINAL ? T0 : at(20), w.queuedAt());
        assertEquals(position == ParkPosition.FRONT, w.front());
        assertEquals(at(14), w.issuedAt(), "the at-risk rule sees the whole wait so far: 6 minutes at the return");
    }

    @Test
    void only_a_called_or_serving_visit_can_be_parked() {
        Ticket t = waiting();
        assertThrows(IllegalTransitionException.class, () -> t.park(ParkPosition.BACK, at(3)));
        assertEquals(TicketStatus.WAITING, t.status);
        assertEquals(0, t.parkCount);
    }
}
