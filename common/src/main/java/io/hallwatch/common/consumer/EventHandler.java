package io.hallwatch.common.consumer;

import io.hallwatch.events.CloudEvent;

import java.util.List;

/**
 * A consumer's business logic for one event. Called inside a transaction, once per event id:
 * whatever it writes commits together with the record that the event was applied.
 * Throw {@link RejectedEventException} for an event that can never be applied.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(CloudEvent<?> event);

    /**
     * The events of one poll applied in one transaction ({@link Transactions#PER_POLL}): only
     * their first deliveries, in the order one at a time would have applied them. A handler may
     * override this to share database round trips between them, as long as each event still sees
     * the effects of the ones before it; any exception rolls the whole poll back, and it is then
     * applied again one event at a time through {@link #handle(CloudEvent)}.
     */
    default void handleAll(List<CloudEvent<?>> events) {
        events.forEach(this::handle);
    }
}
