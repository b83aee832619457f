package io.hallwatch.counter.store.counter;

import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.PartitionedTables;
import io.hallwatch.common.retention.RetentionConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The shift records, one partition per day of their time-ordered ids (V6), kept as long as the clerk's daily report
 * may be asked for them ({@code hallwatch.retention.facts}, or {@code hallwatch.retention.keep.<table>}). None
 * references another, so their order does not matter.
 */
@ApplicationScoped
public class ShiftRecordTables implements PartitionedTables {

    @Override
    public List<DailyPartitions.Table> tables(RetentionConfig config) {
        return List.of(
                table(config, "service_record", "ticket_id"),
                table(config, "no_show_record", "ticket_id"),
                table(config, "counter_pause", "id"),
                table(config, "clerk_session", "id"));
    }

    private static DailyPartitions.Table table(RetentionConfig config, String name, String column) {
        return DailyPartitions.Table.of(name, column, config.keepOf(name));
    }
}
