package io.hallwatch.counter.domain.counter;

/**
 * What a clerk does at a counter. {@code CALL} is any call: the next in the call order, a chosen ticket, or a walk-in
 * (a ticket created called at this counter); {@code PARK} sends the called or serving visit back to the queue.
 */
public enum CounterAction {
    SIGN_IN, SIGN_OUT, PAUSE, RESUME, CALL, RECALL, NO_SHOW, START_SERVICE, FINISH_SERVICE, PARK
}
