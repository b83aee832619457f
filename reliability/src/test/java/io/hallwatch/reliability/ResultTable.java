package io.hallwatch.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The run's table: one row per scenario, as printed and written to reliability/results. */
final class ResultTable {
    record Row(String scenario, int requests, int events, int lost, int duplicated, int serverErrors, Duration recovery,
               String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder("| scenario | requests | events | lost | duplicated | 5xx | recovery | verdict |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Row r : rows) {
            out.append("| ").append(r.scenario()).append(" | ").append(r.requests()).append(" | ").append(r.events())
                    .append(" | ").append(r.lost()).append(" | ").append(r.duplicated()).append(" | ").append(r.serverErrors())
                    .append(" | ").append(r.recovery() == null ? "–" : seconds(r.recovery())).append(" | ").append(r.verdict())
                    .append(" |\n");
        }
        return out.toString();
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
