package io.hallwatch.counter.domain.counter;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A counter through a shift, and the two limits its screen shows: handling and pause. */
class CounterTest {
    private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
    private static final Counter CLOSED = new Counter("GZ-TH-001", "C01", "1号台", false, List.of("GENERAL", "PAYMENT"),
            CounterStatus.CLOSED, null, null, null, null, 3);

    private static CalledCustomer customer(UUID ticket) {
        return new CalledCustomer(ticket, "A001", "PAYMENT", "NORMAL", T0.minusSeconds(300), T0, null);
    }

    @Test
    void a_shift_carries_the_clerk_the_customer_and_the_pause_and_drops_them_when_done() {
        UUID ticket = UUID.randomUUID();
        Counter open = CLOSED.signIn("clerk-1", T0);
        assertEquals(CounterStatus.OPEN, open.status());
        assertEquals("clerk-1", open.clerkId());
        assertEquals(T0, open.signedInAt());

        Counter called = open.call(customer(ticket));
        assertEquals(new CounterState(CounterStatus.OPEN, true), called.state());
        Counter serving = called.startService(T0.plusSeconds(60));
        assertEquals(CounterStatus.SERVING, serving.status());
        assertEquals(T0.plusSeconds(60), serving.customer().startedAt());
        Counter done = serving.finishService();
        assertEquals(new CounterState(CounterStatus.OPEN, false), done.state());
        assertNull(done.customer());

        UUID pause = UUID.randomUUID();
        assertEquals(pause, done.pause(pause).pauseId());
        assertNull(done.pause(pause).resume().pauseId());

        Counter closed = done.signOut();
        assertEquals(CounterStatus.CLOSED, closed.status());
        assertNull(closed.clerkId());
        assertNull(closed.signedInAt());
        assertEquals(3, closed.version(), "the version is the store's to move");
    }

    @Test
    void a_refused_action_leaves_the_counter_as_it_was() {
        Counter serving = CLOSED.signIn("clerk-1", T0).call(customer(UUID.randomUUID())).startService(T0);
        assertThrows(CounterConflictException.class, serving::signOut);
        assertThrows(CounterConflictException.class, () -> serving.pause(UUID.randomUUID()));
        assertThrows(CounterConflictException.class, () -> CLOSED.call(customer(UUID.randomUUID())));
        assertEquals(CounterStatus.SERVING, serving.status());
    }

    @Test
    void a_no_show_is_only_for_the_customer_still_called() {
        UUID ticket = UUID.randomUUID();
        Counter called = CLOSED.signIn("clerk-1", T0).call(customer(ticket));
        assertEquals("The counter's called customer changed meanwhile",
                assertThrows(CounterConflictException.class, () -> called.noShow(UUID.randomUUID())).getMessage());
        assertNull(called.noShow(ticket).customer());
        assertThrows(CounterConflictException.class, () -> called.noShow(ticket).noShow(ticket));
    }

    @Test
    void the_prompt_appears_only_past_the_limit() {
        CalledCustomer inService = customer(UUID.randomUUID()).startedAt(T0);
        Handling atLimit = Handling.of(inService, T0.plusSeconds(120), 120);
        assertEquals(120, atLimit.seconds());
        assertFalse(atLimit.overLimit());
        assertNull(atLimit.prompt());
        Handling past = Handling.of(inService, T0.plusSeconds(121), 120);
        assertTrue(past.overLimit());
        assertEquals(Handling.OVER_LIMIT_PROMPT, past.prompt());
    }

    @Test
    void a_pause_is_flagged_only_past_its_limit() {
        PauseStart start = new PauseStart("BREAK", T0);
        assertFalse(Pause.at(start, T0.plusSeconds(600), Duration.ofMinutes(10)).overLimit());
        Pause long_ = Pause.at(start, T0.plusSeconds(720), Duration.ofMinutes(10));
        assertTrue(long_.overLimit());
        assertEquals(720, long_.seconds());
        assertEquals(600, long_.limitSeconds());
    }

    @Test
    void the_business_handled_defaults_to_the_tickets_type() {
        CalledCustomer c = customer(UUID.randomUUID());
        assertEquals(List.of("PAYMENT"), c.typesHandled(null));
        assertEquals(List.of("PAYMENT"), c.typesHandled(List.of()));
        assertEquals(List.of("SIM", "PAYMENT"), c.typesHandled(List.of("SIM", "PAYMENT")));
    }
}
