package io.hallwatch.common.metrics;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.Collector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A family of gauges whose rows are recomputed together (one query per refresh) and read by
 * Prometheus when it scrapes: the queue's customers waiting per branch and business type, the
 * counters per branch and status.
 *
 * <p>Why not Micrometer gauges: such a family has a row per branch × business type, 8,000 at
 * 1,000 branches. As gauges each row is a meter twice over (the composite's and the Prometheus
 * registry's, each with its id and tags), and {@code MultiGauge} removes and registers every row
 * again on each refresh: 16,000 gauges, 20 of the queue-service's 48 MB of live heap at 1,000
 * branches in benchmark 4 (bench/README.md, "4. Scale"). Here a refresh builds one list of
 * samples and swaps it in, and a scrape reads whichever list is current, so the two never see
 * half a refresh.
 */
public final class GaugeTable extends Collector {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private volatile List<MetricFamilySamples.Sample> samples = List.of();

    private GaugeTable(String name, String help, List<String> labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = labelNames;
    }

    /**
     * A table registered with the Prometheus registry that {@code /q/metrics} scrapes.
     *
     * @param name the Prometheus name, unit suffix included ({@code hallwatch_tickets_oldest_wait_seconds})
     */
    public static GaugeTable register(PrometheusMeterRegistry registry, String name, String help, String... labelNames) {
        GaugeTable table = new GaugeTable(name, help, List.of(labelNames));
        table.register(registry.getPrometheusRegistry());
        return table;
    }

    /** Replaces every row: a row not among {@code rows} is absent from the next scrape. */
    public void replace(Collection<Row> rows) {
        List<MetricFamilySamples.Sample> next = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.labelValues.size() != labelNames.size()) {
                throw new IllegalArgumentException(name + " has labels " + labelNames + ", got values " + row.labelValues);
            }
            next.add(new MetricFamilySamples.Sample(name, labelNames, row.labelValues, row.value));
        }
        samples = List.copyOf(next);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return List.of(new MetricFamilySamples(name, Type.GAUGE, help, samples));
    }

    /** One gauge of the table: its label values, in the table's label order, and its value. */
    public record Row(List<String> labelValues, double value) {
        public static Row of(double value, String... labelValues) {
            return new Row(Arrays.asList(labelValues), value);
        }
    }
}
