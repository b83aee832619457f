package io.hallwatch.counter.domain.counter;

/**
 * What the counter screen shows at a moment: the counter, the service in progress against its
 * limit ({@code null} unless a customer is in service) and the pause so far ({@code null} unless
 * paused).
 */
public record CounterScreen(Counter counter, Handling handling, Pause pause) {
}
