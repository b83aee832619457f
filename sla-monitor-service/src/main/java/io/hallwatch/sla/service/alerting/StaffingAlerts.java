package io.hallwatch.sla.service.alerting;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.StaffingShortfallForecast;
import io.hallwatch.sla.config.AlertingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The queue's forecasts of an understaffed next hour ({@code hallwatch.staffing.shortfall-forecast.v1}
 * on the tickets topic), taken from the timeline consumer's poll in its transaction: each becomes one
 * page for the branch's duty manager, grouped like the breaches ({@link AlertPaging}).
 */
@ApplicationScoped
public class StaffingAlerts {
    private final AlertPaging paging;
    private final AlertDispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final AlertingConfig config;

    StaffingAlerts(AlertPaging paging, AlertDispatcher dispatcher, AfterCommit afterCommit, AlertingConfig config) {
        this.paging = paging;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAll(List<CloudEvent<?>> events) {
        if (!config.enabled()) {
            return;
        }
        for (CloudEvent<?> e : events) {
            if (e.data() instanceof StaffingShortfallForecast f && paging.onStaffingShortfall(e.id(), f) == AlertPaging.Recorded.PAGED) {
                afterCommit.run(dispatcher::wake);
            }
        }
    }
}
