package io.hallwatch.sla.store.retention;

import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.PartitionedTables;
import io.hallwatch.common.retention.RetentionConfig;
import io.hallwatch.sla.config.AlertingConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's own time-series tables, one partition per UTC day of a time-ordered id: the tickets' (V15, V16: the
 * ticket's) kept {@code hallwatch.retention.facts} (400 days: the daily reports read them), the alerting tables (V17: the
 * alert's) kept {@code hallwatch.alerting.retention} (90 days, as their row deletes did before), each unless
 * {@code hallwatch.retention.keep.<table>} says otherwise. Nothing references them by foreign key, so their order here
 * is free; an alert's rows are never kept longer than the alert.
 * <p>
 * Not here: {@code sla_branch_breach_open} (a row per branch breach open now), {@code sla_timer} (a ticket's timers go
 * when they fire or are no longer wanted, so it holds the live tickets' only), {@code turn_notice_contact} (a customer's
 * number, gone after {@code hallwatch.turn-notice.retention}, hours, never a day), the policies, the roster, the
 * silences ({@code service.alerting.SilenceRetention}) and the default limits (not time-series).
 */
@ApplicationScoped
public class MonitorTables implements PartitionedTables {
    private static final List<String> ALERT_ROWS = List.of("alert_breach", "alert_notification", "alert_delivery_log", "alert_ack_token");

    private final AlertingConfig alerting;

    MonitorTables(AlertingConfig alerting) {
        this.alerting = alerting;
    }

    @Override
    public List<DailyPartitions.Table> tables(RetentionConfig config) {
        List<DailyPartitions.Table> tables = new ArrayList<>(List.of(
                DailyPartitions.Table.of("sla_breach", "day_id", config.keepOf("sla_breach")),
                DailyPartitions.Table.of("sla_breach_predicted", "ticket_id", config.keepOf("sla_breach_predicted")),
                // Updated in place as the ticket moves (V7): room on the page for the new version of the row.
                DailyPartitions.Table.of("sla_ticket", "ticket_id", config.keepOf("sla_ticket"))
                        .withStorage("fillfactor = 70")));
        Duration alerts = config.keepOf("alert", alerting.retention());
        tables.add(DailyPartitions.Table.of("alert", "alert_id", alerts));
        for (String rows : ALERT_ROWS) {
            tables.add(DailyPartitions.Table.of(rows, "alert_id", config.keepWithin(rows, alerts)));
        }
        return tables;
    }
}
