package io.hallwatch.queue.api.queue;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.queue.service.queue.HallQueue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a hall display shows: per business type, who waits, in call order, and the oldest wait. */
public record QueueView(String branchId, Instant asOf, int waiting, List<TypeQueue> businessTypes) {

    public record TypeQueue(String businessType, int waiting, long oldestWaitSeconds, List<Entry> tickets) {
    }

    public record Entry(UUID ticketId, String number, CustomerTier tier, Instant issuedAt, long waitSeconds) {
    }

    public static QueueView of(HallQueue queue) {
        Instant now = queue.asOf();
        List<TypeQueue> types = queue.inCallOrder().entrySet().stream().map(e -> {
            List<Entry> entries = e.getValue().stream()
                    .map(t -> new Entry(t.id, t.number, t.tier, t.issuedAt, t.waitedUntil(now).toSeconds()))
                    .toList();
            long oldest = entries.stream().mapToLong(Entry::waitSeconds).max().orElse(0);
            return new TypeQueue(e.getKey(), entries.size(), oldest, entries);
        }).toList();
        return new QueueView(queue.branchId(), now, queue.waiting(), types);
    }
}
