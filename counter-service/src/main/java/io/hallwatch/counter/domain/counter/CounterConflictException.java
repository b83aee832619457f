package io.hallwatch.counter.domain.counter;

/** An action the counter's state does not allow (409); nothing changes. */
public class CounterConflictException extends RuntimeException {
    public CounterConflictException(CounterState state, CounterAction action) {
        super(describe(state, action));
    }

    public CounterConflictException(String message) {
        super(message);
    }

    private static String describe(CounterState state, CounterAction action) {
        String where = switch (state.status()) {
            case CLOSED -> "a closed counter";
            case PAUSED -> "a paused counter";
            case SERVING -> "a counter with a customer in service";
            case OPEN -> state.customerCalled() ? "a counter waiting for its called customer" : "an open counter with nobody called";
        };
        return "Cannot " + action.name().toLowerCase().replace('_', ' ') + " at " + where;
    }
}
