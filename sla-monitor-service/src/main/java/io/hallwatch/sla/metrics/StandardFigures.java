package io.hallwatch.sla.metrics;

import io.hallwatch.common.metrics.GaugeTable;
import io.hallwatch.common.standard.StandardReplica;
import io.hallwatch.common.standard.StandardResolver;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.events.StandardChanged;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * The service standard in force as metrics, so that dashboards and alert rules read thresholds
 * instead of typing them: each business type's wait and handling limit where no branch or tier
 * override applies (bounded: types × 2), the warning share and the branch-average rule. Fed from
 * {@code hallwatch.standard.v1}, the same copy every follower reads, so the figures move when the
 * platform's standard does, whichever monitor replica took the change.
 */
@ApplicationScoped
public class StandardFigures {
    private final GaugeTable limits;
    private final GaugeTable warningRatio;
    private final GaugeTable averageLimit;
    private final GaugeTable averageWindow;
    private final GaugeTable version;
    private final StandardReplica replica;

    StandardFigures(PrometheusMeterRegistry registry, StandardReplica replica) {
        this.replica = replica;
        this.limits = GaugeTable.register(registry, "hallwatch_sla_limit_seconds",
                "Each business type's wait and handling limit under the service standard in force (no branch or tier override)",
                "rule", "business_type");
        this.warningRatio = GaugeTable.register(registry, "hallwatch_sla_warning_ratio",
                "Share of a limit at which the standard in force warns (its default)");
        this.averageLimit = GaugeTable.register(registry, "hallwatch_sla_branch_average_limit_seconds",
                "The limit of a branch's rolling mean wait under the standard in force (no branch override)");
        this.averageWindow = GaugeTable.register(registry, "hallwatch_sla_branch_average_window_seconds",
                "The window of a branch's rolling mean wait under the standard in force (no branch override)");
        this.version = GaugeTable.register(registry, "hallwatch_sla_standard_version",
                "Version of the service standard in force, as read from hallwatch.standard.v1");
    }

    void onStart(@Observes StartupEvent event) {
        replica.onChange(this::show);
        replica.current().ifPresent(this::show);
    }

    void show(StandardChanged standard) {
        List<GaugeTable.Row> rows = new ArrayList<>();
        for (ServiceStandard.BusinessTypeLimits line : standard.standard().businessTypes()) {
            String type = line.businessType();
            rows.add(GaugeTable.Row.of(StandardResolver.waitLimit(standard, null, type, null).toSeconds(), "wait", type));
            rows.add(GaugeTable.Row.of(StandardResolver.handlingLimit(standard, null, type, null).toSeconds(), "handling", type));
        }
        limits.replace(rows);
        warningRatio.replace(List.of(GaugeTable.Row.of(standard.standard().defaults().warningFraction())));
        averageLimit.replace(List.of(GaugeTable.Row.of(standard.standard().branchAverage().limitSeconds())));
        averageWindow.replace(List.of(GaugeTable.Row.of(standard.standard().branchAverage().windowSeconds())));
        version.replace(List.of(GaugeTable.Row.of(standard.version())));
    }
}
