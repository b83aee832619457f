package io.hallwatch.events;

import java.time.Instant;
import java.util.List;

/**
 * A producer's promise about one topic it writes: every event it committed with an event time at
 * or before {@code watermark} is on the topic, partition {@code i} below offset
 * {@code endOffsets.get(i)}. The producer's outbox relay publishes one after its rounds and, when
 * it has nothing to send, as a heartbeat, so an idle producer's watermark still moves with the
 * clock and a stalled one's stops. The SLA monitor judges a deadline only once the watermarks of
 * the producers that can still change the ticket have passed it: a late producer delays a breach,
 * it never makes a false one.
 * <p>
 * On {@link Topics#WATERMARKS}, keyed by source and topic, so the newest record per key is the
 * producer's position; no branch, no personal data.
 *
 * @param source     the producing service ({@code quarkus.application.name}), e.g. {@code queue-service}
 * @param topic      the topic the promise is about, e.g. {@code hallwatch.tickets.v1}
 * @param watermark  event time, the platform clock's, up to which the topic is complete
 * @param endOffsets per partition of {@code topic}, by index: the offset everything up to the watermark lies below
 */
public record ProducerWatermark(String source, String topic, Instant watermark, List<Long> endOffsets) implements EventPayload {

    public ProducerWatermark {
        endOffsets = List.copyOf(endOffsets);
    }

    /** Not a branch's event: one promise covers every branch on the topic. */
    @Override
    public String branchId() {
        return null;
    }

    @Override
    public String recordKey() {
        return source + "/" + topic;
    }

    @Override
    public String subject() {
        return recordKey();
    }
}
