package io.hallwatch.counter.domain.counter;

/**
 * A counter's state machine: its status plus whether a called customer is on the way. Pure, so
 * every (state, action) pair is tested without a database.
 * <ul>
 *   <li>CLOSED: sign in → OPEN.</li>
 *   <li>OPEN, nobody called: call → OPEN with a called customer; pause → PAUSED; sign out → CLOSED.</li>
 *   <li>OPEN, nobody called: a walk-in or a chosen ticket is a call too (→ OPEN with a called customer).</li>
 *   <li>OPEN, a customer called: recall stays; no-show → OPEN, nobody called; start → SERVING; park (the visit goes
 *       back to the queue) → OPEN, nobody called.
 *       It cannot pause, sign out or call another before the called customer is dealt with.</li>
 *   <li>SERVING: finish → OPEN; park → OPEN. A counter with a customer in service cannot sign out or pause.</li>
 *   <li>PAUSED: resume → OPEN.</li>
 * </ul>
 */
public record CounterState(CounterStatus status, boolean customerCalled) {

    public static final CounterState CLOSED = new CounterState(CounterStatus.CLOSED, false);

    public CounterState {
        if (customerCalled && status != CounterStatus.OPEN) {
            throw new IllegalArgumentException("Only an OPEN counter waits for a called customer");
        }
    }

    public CounterState apply(CounterAction action) {
        CounterState next = switch (status) {
            case CLOSED -> action == CounterAction.SIGN_IN ? new CounterState(CounterStatus.OPEN, false) : null;
            case PAUSED -> action == CounterAction.RESUME ? new CounterState(CounterStatus.OPEN, false) : null;
            case SERVING -> action == CounterAction.FINISH_SERVICE || action == CounterAction.PARK
                    ? new CounterState(CounterStatus.OPEN, false) : null;
            case OPEN -> customerCalled ? whileCalled(action) : whileIdle(action);
        };
        if (next == null) {
            throw new CounterConflictException(this, action);
        }
        return next;
    }

    private static CounterState whileIdle(CounterAction action) {
        return switch (action) {
            case CALL -> new CounterState(CounterStatus.OPEN, true);
            case PAUSE -> new CounterState(CounterStatus.PAUSED, false);
            case SIGN_OUT -> CLOSED;
            default -> null;
        };
    }

    private static CounterState whileCalled(CounterAction action) {
        return switch (action) {
            case RECALL -> new CounterState(CounterStatus.OPEN, true);
            case NO_SHOW, PARK -> new CounterState(CounterStatus.OPEN, false);
            case START_SERVICE -> new CounterState(CounterStatus.SERVING, false);
            default -> null;
        };
    }
}
