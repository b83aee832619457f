package io.hallwatch.sla.domain.detection;

/**
 * The lag rule's fence for one branch: how far its partition of each input topic reached when a
 * deadline (plus the grace) had passed. A due timer may fire only once the monitor has applied
 * everything up to the fence, because anything that happened before the deadline (a call at
 * 14:59, say) was published by then: a monitor that lags behind the topic waits instead of
 * raising a false breach.
 *
 * @param ticketsEnd  the end offset of the branch's partition of {@code hallwatch.tickets.v1}
 * @param servicesEnd the end offset of the branch's partition of {@code hallwatch.services.v1}
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
