package io.hallwatch.counter.domain.counter;

/** What a clerk does at a counter. */
public enum CounterAction {
    SIGN_IN, SIGN_OUT, PAUSE, RESUME, CALL, RECALL, NO_SHOW, START_SERVICE, FINISH_SERVICE
}
