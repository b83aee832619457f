package io.hallwatch.sla.domain.detection;

/**
 * The lag rule's fence for one branch: how far its partition of each input topic must be applied
 * before a deadline may be judged. It is the offsets of the producers' first promise (watermark) at
 * or past the deadline ({@link WatermarkBook}): anything that happened before the deadline (a call
 * at 14:59, say) lies below them, so a monitor that lags behind the topic, or a producer that
 * published late, makes the timer wait instead of raising a false breach.
 *
 * @param ticketsEnd  the offset on the branch's partition of {@code hallwatch.tickets.v1}
 * @param servicesEnd the offset on the branch's partition of {@code hallwatch.services.v1}
 */
public record PartitionFence(long ticketsEnd, long servicesEnd) {

    /**
     * @param ticketsApplied  the next offset the monitor will apply on that tickets partition
     * @param servicesApplied the same on the services partition
     */
    public boolean passedBy(long ticketsApplied, long servicesApplied) {
        return ticketsApplied >= ticketsEnd && servicesApplied >= servicesEnd;
    }
}
