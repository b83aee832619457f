package io.hallwatch.queue.store.retention;

import io.hallwatch.common.retention.DailyPartitions.Table;
import io.hallwatch.common.retention.PartitionedTables;
import io.hallwatch.common.retention.RetentionConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * The queue's own tables kept by day (migration V12): the tickets by their id, and what names a ticket by the ticket's
 * id, so that a consent, an out-of-order call and an appointment expire with or before their ticket. Appointments by
 * their own id: booked before the check-in makes their ticket, so their day is never after the ticket's.
 */
@ApplicationScoped
class QueueTables implements PartitionedTables {

    @Override
    public List<Table> tables(RetentionConfig config) {
        Duration tickets = config.keepOf("ticket", config.facts());
        return List.of(
                Table.of("turn_notice", "ticket_id", atMost(config.keepOf("turn_notice", tickets), tickets)),
                Table.of("out_of_order_call", "ticket_id", atMost(config.keepOf("out_of_order_call", tickets), tickets)),
                Table.of("appointment", "id", atMost(config.keepOf("appointment", tickets), tickets)),
                Table.of("ticket", "id", tickets));
    }

    /** A row naming a ticket cannot outlive it: its day would refuse the ticket's drop for ever. */
    private static Duration atMost(Duration keep, Duration tickets) {
        return keep.compareTo(tickets) > 0 ? tickets : keep;
    }
}
