package io.hallwatch.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    /** Label lists that every metric of the expression must carry: by(), without(), on(). */
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on)\\s*\\(([^)]*)\\)");
    /** Label lists that name labels of one side only (or none to match on): ignoring(), group_left(), group_right(). */
    private static final Pattern ONE_SIDED = Pattern.compile("\\b(?:ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    /** A number in the expression: not part of a name, a duration ("5m") or a label value. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.:])(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)(?![\\w.])");

    private PromQl() {
    }

    /** Metric name → labels the expression uses with it (in its selector, or in a by(), without() or on() clause). */
    static Map<String, Set<String>> metrics(String expr) {
        String withoutStrings = blankStrings(expr);
        Set<String> grouping = new HashSet<>();
        Matcher g = GROUPING.matcher(withoutStrings);
        while (g.find()) {
            for (String label : g.group(1).split(",")) {
                if (!label.isBlank()) {
                    grouping.add(label.trim());
                }
            }
        }
        // Drop label lists and [5m]-style ranges: none names a metric.
        String stripped = ONE_SIDED.matcher(GROUPING.matcher(withoutStrings).replaceAll(" ")).replaceAll(" ")
                .replaceAll("\\[[^\\]]*\\]", " ");
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

    /** The values the expression's selectors match {@code label} against ({@code le="900.0"} → 900.0), in order. */
    static List<String> matcherValues(String expr, String label) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w])" + Pattern.quote(label) + "\\s*(?:=~|!~|!=|=)\\s*\"([^\"]*)\"").matcher(expr);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** The number literals of the expression ({@code > 900}, {@code * 0.8}), not durations, names or label values. */
    static List<Double> numbers(String expr) {
        String bare = blankStrings(expr).replaceAll("\\[[^\\]]*\\]", " ");
        List<Double> numbers = new ArrayList<>();
        Matcher n = NUMBER.matcher(bare);
        while (n.find()) {
            numbers.add(Double.parseDouble(n.group(1)));
        }
        return numbers;
    }

    private static String blankStrings(String expr) {
        return expr.replaceAll("\"[^\"]*\"", "\"\"");
    }
}
