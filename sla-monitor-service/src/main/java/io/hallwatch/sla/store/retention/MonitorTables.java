package io.hallwatch.sla.store.retention;

import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.PartitionedTables;
import io.hallwatch.common.retention.RetentionConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The monitor's own time-series tables, one partition per UTC day of a time-ordered id (V15, V16: the ticket's), kept
 * {@code hallwatch.retention.facts} (400 days: the daily reports read them) unless
 * {@code hallwatch.retention.keep.<table>} says otherwise. Nothing references them by foreign key, so their order
 * here is free; a referencing table would come first.
 * <p>
 * Not here: {@code sla_branch_breach_open} (a row per branch breach open now), {@code sla_timer} (a ticket's timers go when they fire or are no longer wanted, so it holds the live
 * tickets' only), {@code turn_notice_contact} (a customer's number, gone after {@code hallwatch.turn-notice.retention},
 * hours, never a day), the policies, the roster, the silences and the default limits (not time-series).
 */
@ApplicationScoped
public class MonitorTables implements PartitionedTables {

    @Override
    public List<DailyPartitions.Table> tables(RetentionConfig config) {
        return List.of(
                DailyPartitions.Table.of("sla_breach", "day_id", config.keepOf("sla_breach", config.facts())),
                DailyPartitions.Table.of("sla_breach_predicted", "ticket_id", config.keepOf("sla_breach_predicted", config.facts())),
                // Updated in place as the ticket moves (V7): room on the page for the new version of the row.
                DailyPartitions.Table.of("sla_ticket", "ticket_id", config.keepOf("sla_ticket", config.facts()))
                        .withStorage("fillfactor = 70"));
    }
}
