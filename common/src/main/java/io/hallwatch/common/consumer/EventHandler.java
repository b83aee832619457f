package io.hallwatch.common.consumer;

import io.hallwatch.events.CloudEvent;

/**
 * A consumer's business logic for one event. Called inside a transaction, once per event id:
 * whatever it writes commits together with the record that the event was applied.
 * Throw {@link RejectedEventException} for an event that can never be applied.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(CloudEvent<?> event);
}
