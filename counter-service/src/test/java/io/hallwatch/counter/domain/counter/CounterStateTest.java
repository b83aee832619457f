package io.hallwatch.counter.domain.counter;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.hallwatch.counter.domain.counter.CounterAction.CALL;
import static io.hallwatch.counter.domain.counter.CounterAction.FINISH_SERVICE;
import static io.hallwatch.counter.domain.counter.CounterAction.NO_SHOW;
import static io.hallwatch.counter.domain.counter.CounterAction.PAUSE;
import static io.hallwatch.counter.domain.counter.CounterAction.PARK;
import static io.hallwatch.counter.domain.counter.CounterAction.RECALL;
import static io.hallwatch.counter.domain.counter.CounterAction.RESUME;
import static io.hallwatch.counter.domain.counter.CounterAction.SIGN_IN;
import static io.hallwatch.counter.domain.counter.CounterAction.SIGN_OUT;
import static io.hallwatch.counter.domain.counter.CounterAction.START_SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every (state, action) pair: the allowed ones land where the standard says, the others are refused. */
class CounterStateTest {

    private static final CounterState CLOSED = CounterState.CLOSED;
    private static final CounterState IDLE = new CounterState(CounterStatus.OPEN, false);
    private static final CounterState CALLED = new CounterState(CounterStatus.OPEN, true);
    private static final CounterState PAUSED = new CounterState(CounterStatus.PAUSED, false);
    private static final CounterState SERVING = new CounterState(CounterStatus.SERVING, false);

    private static final Map<CounterState, Map<CounterAction, CounterState>> ALLOWED = Map.of(
            CLOSED, Map.of(SIGN_IN, IDLE),
            IDLE, Map.of(CALL, CALLED, PAUSE, PAUSED, SIGN_OUT, CLOSED),
            CALLED, Map.of(RECALL, CALLED, NO_SHOW, IDLE, START_SERVICE, SERVING, PARK, IDLE),
            PAUSED, Map.of(RESUME, IDLE),
            SERVING, Map.of(FINISH_SERVICE, IDLE, PARK, IDLE));

    @Test
    void exactly_the_allowed_actions_succeed_in_every_state() {
        for (CounterState state : List.of(CLOSED, IDLE, CALLED, PAUSED, SERVING)) {
            for (CounterAction action : CounterAction.values()) {
                CounterState expected = ALLOWED.get(state).get(action);
                if (expected != null) {
                    assertEquals(expected, state.apply(action), state + " + " + action);
                } else {
                    assertThrows(CounterConflictException.class, () -> state.apply(action), state + " + " + action);
                }
            }
        }
    }

    @Test
    void a_counter_serving_a_customer_cannot_sign_out_or_pause_and_says_why() {
        assertEquals("Cannot sign out at a counter with a customer in service",
                assertThrows(CounterConflictException.class, () -> SERVING.apply(SIGN_OUT)).getMessage());
        assertThrows(CounterConflictException.class, () -> SERVING.apply(PAUSE));
        assertThrows(CounterConflictException.class, () -> CALLED.apply(PAUSE));
        assertThrows(CounterConflictException.class, () -> CALLED.apply(CALL));
    }

    @Test
    void only_an_open_counter_can_wait_for_a_called_customer() {
        assertThrows(IllegalArgumentException.class, () -> new CounterState(CounterStatus.PAUSED, true));
    }
}
