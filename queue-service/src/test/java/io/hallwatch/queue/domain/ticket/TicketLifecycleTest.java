package io.hallwatch.queue.domain.ticket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every (status, action) pair: exactly the allowed ones succeed, every other one is refused. */
class TicketLifecycleTest {

    private static final Map<TicketStatus, Map<TicketAction, TicketStatus>> ALLOWED = Map.of(
            TicketStatus.REMOTE, Map.of(
                    TicketAction.CHECK_IN, TicketStatus.WAITING,
                    TicketAction.CANCEL, TicketStatus.CANCELLED),
            TicketStatus.WAITING, Map.of(
                    TicketAction.CALL, TicketStatus.CALLED,
                    TicketAction.CALL_CHOSEN, TicketStatus.CALLED,
                    TicketAction.CANCEL, TicketStatus.CANCELLED,
                    TicketAction.CLOSE_DAY, TicketStatus.CLOSED,
                    TicketAction.TRANSFER, TicketStatus.WAITING),
            TicketStatus.CALLED, Map.of(
                    TicketAction.RECALL, TicketStatus.CALLED,
                    TicketAction.START_SERVICE, TicketStatus.SERVING,
                    TicketAction.NO_SHOW, TicketStatus.NO_SHOW,
                    TicketAction.CANCEL, TicketStatus.CANCELLED,
                    TicketAction.CLOSE_DAY, TicketStatus.CLOSED,
                    TicketAction.TRANSFER, TicketStatus.WAITING,
                    TicketAction.PARK, TicketStatus.WAITING),
            TicketStatus.SERVING, Map.of(
                    TicketAction.FINISH_SERVICE, TicketStatus.DONE,
                    TicketAction.TRANSFER, TicketStatus.WAITING,
                    TicketAction.PARK, TicketStatus.WAITING));

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void exactly_the_allowed_transitions_succeed_from(TicketStatus from) {
        Map<TicketAction, TicketStatus> allowed = ALLOWED.getOrDefault(from, Map.of());
        for (TicketAction action : TicketAction.values()) {
            if (allowed.containsKey(action)) {
                assertEquals(allowed.get(action), TicketLifecycle.next(from, action), from + " + " + action);
            } else {
                IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                        () -> TicketLifecycle.next(from, action), from + " + " + action);
                assertEquals(from, e.from());
                assertEquals(action, e.action());
            }
        }
    }

    @Test
    void terminal_statuses_allow_nothing() {
        Set<TicketStatus> terminal = EnumSet.of(TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED, TicketStatus.CLOSED);
        for (TicketStatus status : TicketStatus.values()) {
            assertEquals(terminal.contains(status), status.isTerminal());
        }
        for (TicketStatus status : terminal) {
            for (TicketAction action : TicketAction.values()) {
                assertTrue(TicketLifecycle.target(status, action).isEmpty());
            }
        }
    }

    @Test
    void a_walk_in_starts_called_and_then_lives_as_any_called_ticket() {
        assertEquals(TicketStatus.CALLED, TicketLifecycle.walkIn());
        assertEquals(TicketStatus.SERVING, TicketLifecycle.next(TicketLifecycle.walkIn(), TicketAction.START_SERVICE));
    }

    @Test
    void a_waiting_ticket_cannot_be_parked_nor_a_called_one_chosen() {
        assertEquals("A WAITING ticket cannot be parked",
                assertThrows(IllegalTransitionException.class,
                        () -> TicketLifecycle.next(TicketStatus.WAITING, TicketAction.PARK)).getMessage());
        assertEquals("A CALLED ticket cannot be called",
                assertThrows(IllegalTransitionException.class,
                        () -> TicketLifecycle.next(TicketStatus.CALLED, TicketAction.CALL_CHOSEN)).getMessage());
    }

    @Test
    void a_remote_ticket_joins_the_queue_only_by_its_check_in() {
        assertEquals("A REMOTE ticket cannot be called",
                assertThrows(IllegalTransitionException.class,
                        () -> TicketLifecycle.next(TicketStatus.REMOTE, TicketAction.CALL)).getMessage());
        assertEquals("A WAITING ticket cannot be checked in",
                assertThrows(IllegalTransitionException.class,
                        () -> TicketLifecycle.next(TicketStatus.WAITING, TicketAction.CHECK_IN)).getMessage());
        assertTrue(TicketLifecycle.target(TicketStatus.REMOTE, TicketAction.CLOSE_DAY).isEmpty(),
                "not in the queue, so not closed with the day: it expires");
    }

    @Test
    void the_refusal_says_what_was_refused() {
        assertEquals("A DONE ticket cannot be recalled",
                assertThrows(IllegalTransitionException.class,
                        () -> TicketLifecycle.next(TicketStatus.DONE, TicketAction.RECALL)).getMessage());
    }
}
