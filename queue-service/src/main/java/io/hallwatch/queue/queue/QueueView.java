package io.hallwatch.queue.queue;

import io.hallwatch.events.CustomerTier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a hall display shows: per business type, who waits, in call order, and the oldest wait. */
public record QueueView(String branchId, Instant asOf, int waiting, List<TypeQueue> businessTypes) {

    public record TypeQueue(String businessType, int waiting, long oldestWaitSeconds, List<Entry> tickets) {
    }

    public record Entry(UUID ticketId, String number, CustomerTier tier, Instant issuedAt, long waitSeconds) {
    }
}
