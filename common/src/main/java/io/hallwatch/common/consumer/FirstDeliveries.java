package io.hallwatch.common.consumer;

import io.hallwatch.events.CloudEvent;

import java.util.List;

/**
 * A consumer's record of the events it applied, written in the handler's transaction: it tells a
 * first delivery from a redelivery, so that an event is applied exactly once however often Kafka
 * delivers it. Either {@link ProcessedEvents} (a row per consumer and event) or a service's
 * {@code EventJournal}, whose key serves the one consumer that journals every event it applies.
 */
public interface FirstDeliveries {

    /** Records that the event is applied; false where it already was. */
    boolean first(CloudEvent<?> event, byte[] value);

    /**
     * {@link #first} for a poll, in one round trip: for each event, in order, whether this is its
     * first delivery. An event that occurs twice in the list is first only at its first occurrence.
     */
    boolean[] firsts(List<? extends CloudEvent<?>> events, List<byte[]> values);
}
