package io.hallwatch.marketing.store.retention;

import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.PartitionedTables;
import io.hallwatch.common.retention.RetentionConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Marketing's time series, one partition per day of their time-ordered ids (V6), kept as long as the reports read
 * them ({@code hallwatch.retention.facts}, or {@code hallwatch.retention.keep.<table>}). Listed as a referencing
 * table before the one it refers to (a campaign's record names its lead and follow-up, a follow-up its advice), though
 * V6 leaves no foreign key between them: each day goes on its own.
 */
@ApplicationScoped
public class MarketingTables implements PartitionedTables {

    @Override
    public List<DailyPartitions.Table> tables(RetentionConfig config) {
        return List.of(
                table(config, "campaign_record", "id"),
                table(config, "follow_up", "id"),
                table(config, "recommendation", "id"),
                table(config, "wait_breach", "ticket_id"),
                table(config, "hall_ticket", "ticket_id"));
    }

    private static DailyPartitions.Table table(RetentionConfig config, String name, String column) {
        return DailyPartitions.Table.of(name, column, config.keepOf(name));
    }
}
