package io.hallwatch.queue.service.queue;

import io.hallwatch.queue.domain.ticket.Ticket;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * A branch's queue at {@code asOf}: per business type (every type the branch offers, and any other
 * a ticket still waits for), the waiting tickets in the order an ordinary counter would call them.
 */
public record HallQueue(String branchId, Instant asOf, SortedMap<String, List<Ticket>> inCallOrder) {

    public int waiting() {
        return inCallOrder.values().stream().mapToInt(List::size).sum();
    }
}
