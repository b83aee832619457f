package io.hallwatch.queue.metrics;

import io.hallwatch.common.metrics.GaugeTable;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Every branch's staffing for the hour under way and the next, recomputed together (service.staffing.StaffingFigures). */
@ApplicationScoped
public class StaffingMetrics {

    /** One branch: counters needed this hour and next (0 outside the opening hours), open now, the next hour understaffed. */
    public record BranchStaffing(String branchId, int neededNow, int neededNextHour, int open, boolean nextHourUnderstaffed) {
    }

    private final GaugeTable needed;
    private final GaugeTable open;
    private final GaugeTable understaffed;

    StaffingMetrics(PrometheusMeterRegistry registry) {
        this.needed = GaugeTable.register(registry, "hallwatch_staffing_counters_needed",
                "Counters a branch needs so that at most the allowed share waits past the limit (Erlang C), this hour and next",
                "branch", "hour");
        this.open = GaugeTable.register(registry, "hallwatch_staffing_counters_open",
                "Counters seen calling recently and not paused, per branch", "branch");
        this.understaffed = GaugeTable.register(registry, "hallwatch_staffing_next_hour_understaffed",
                "1 where the next hour is forecast to need more counters than are open now", "branch");
    }

    public void replace(List<BranchStaffing> branches) {
        needed.replace(branches.stream().flatMap(b -> java.util.stream.Stream.of(
                GaugeTable.Row.of(b.neededNow(), b.branchId(), "current"), GaugeTable.Row.of(b.neededNextHour(), b.branchId(), "next"))).toList());
        open.replace(branches.stream().map(b -> GaugeTable.Row.of(b.open(), b.branchId())).toList());
        understaffed.replace(branches.stream().map(b -> GaugeTable.Row.of(b.nextHourUnderstaffed() ? 1 : 0, b.branchId())).toList());
    }
}
