package io.hallwatch.sla.metrics;

import io.prometheus.client.Collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The three gauges of every branch the monitor has seen, read from the branches' figures when
 * Prometheus scrapes: one collector for all of them instead of three meters per branch.
 */
final class BranchFiguresCollector extends Collector {
    private static final List<String> BRANCH = List.of("branch");

    private final Map<String, SlaMetrics.BranchFigures> branches;

    BranchFiguresCollector(Map<String, SlaMetrics.BranchFigures> branches) {
        this.branches = branches;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return List.of(
                family("hallwatch_sla_waiting_now", "Customers waiting now (issued, not yet called)", f -> f.waitingNow),
                family("hallwatch_sla_oldest_wait_seconds", "How long the longest-waiting customer has waited",
                        f -> f.oldestWaitSeconds),
                family("hallwatch_sla_branch_average_wait_seconds", "The branch's rolling mean wait over its policy window",
                        f -> f.rollingAverageWaitSeconds));
    }

    private MetricFamilySamples family(String name, String help, ToDoubleFunction<SlaMetrics.BranchFigures> value) {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(branches.size());
        branches.forEach((branch, figures) -> samples.add(
                new MetricFamilySamples.Sample(name, BRANCH, List.of(branch), value.applyAsDouble(figures))));
        return new MetricFamilySamples(name, Type.GAUGE, help, samples);
    }
}
