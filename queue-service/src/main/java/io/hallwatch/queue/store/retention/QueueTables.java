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
        Duration tickets = config.keepOf("ticket");
        return List.of(
                Table.of("turn_notice", "ticket_id", config.keepWithin("turn_notice", tickets)),
                Table.of("out_of_order_call", "ticket_id", config.keepWithin("out_of_order_call", tickets)),
                Table.of("appointment", "id", config.keepWithin("appointment", tickets)),
                Table.of("ticket", "id", tickets));
    }
}
