package io.hallwatch.sla.domain.alerting;

import io.hallwatch.events.TimeOrderedIds;

import java.util.UUID;

/**
 * An alert's id: made from the event that opened it and the item it is about ({@link TimeOrderedIds#derived}), so that
 * every instance and every delivery of that event names the same alert (a second one opening it collides on the key),
 * and time-ordered, so that the alert and every row of it land in the day partition of its event and a lookup by the id
 * the API, the messages and the acknowledgement links carry reads one day.
 */
public final class AlertIds {
    private AlertIds() {
    }

    public static String of(UUID eventId, AlertItem item) {
        return TimeOrderedIds.derived(eventId, "alert|" + item.itemId()).toString();
    }
}
