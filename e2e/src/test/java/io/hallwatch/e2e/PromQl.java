package io.hallwatch.e2e;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL reading for the checks: which metrics an expression selects, and which labels it names for each. */
final class PromQl {
    private static final Set<String> WORDS = Set.of("sum", "by", "rate", "increase", "histogram_quantile", "max", "min",
            "avg", "count", "without", "on", "ignoring", "and", "or", "unless", "deriv", "irate", "delta", "abs",
            "label_values", "group_left", "group_right", "bool", "offset", "topk", "bottomk", "clamp_min", "clamp_max");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)\\})?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");

    private PromQl() {
    }

    /** Metric name → labels the expression uses with it (in its selector, or in a by() clause). */
    static Map<String, Set<String>> metrics(String expr) {
        String withoutStrings = expr.replaceAll("\"[^\"]*\"", "\"\"");
        Set<String> grouping = new HashSet<>();
        Matcher g = GROUPING.matcher(withoutStrings);
        while (g.find()) {
            for (String label : g.group(1).split(",")) {
                if (!label.isBlank()) {
                    grouping.add(label.trim());
                }
            }
        }
        // Drop by()/without() lists and [5m]-style ranges: neither names a metric.
        String stripped = GROUPING.matcher(withoutStrings).replaceAll(" ").replaceAll("\\[[^\\]]*\\]", " ");
        Map<String, Set<String>> metrics = new HashMap<>();
        Matcher s = SELECTOR.matcher(stripped);
        while (s.find()) {
            String name = s.group(1);
            int end = s.end(1);
            boolean functionCall = s.group(2) == null && end < stripped.length() && stripped.substring(end).trim().startsWith("(");
            boolean number = name.matches("[0-9.e]+");
            if (WORDS.contains(name) || functionCall || number) {
                continue;
            }
            Set<String> labels = metrics.computeIfAbsent(name, k -> new HashSet<>());
            if (s.group(3) != null) {
                Matcher inside = MATCHER.matcher(s.group(3).replace("\"\"", "\"x\""));
                while (inside.find()) {
                    labels.add(inside.group(1));
                }
            }
            labels.addAll(grouping);
        }
        return metrics;
    }
}
