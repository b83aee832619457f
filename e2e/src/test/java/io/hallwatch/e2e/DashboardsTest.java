package io.hallwatch.e2e;

import io.hallwatch.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grafana cannot be installed here, so its provisioned dashboards are checked as documents: valid
 * JSON of the current schema, template variables for branch and business type where they slice by
 * them, every panel with a query on the provisioned data source. Whether the metrics and labels
 * they query exist is checked against the services' real /q/metrics in {@link TicketJourneyIT}. No number of the
 * service standard is typed into them: limits are read from the monitor's metrics ({@link TypedStandard}).
 */
class DashboardsTest {
    static final Path DASHBOARDS = ServiceProcess.ROOT.resolve("deploy/grafana/dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> dashboards() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                all.add(JSON.readTree(f.toFile()));
            }
        }
        return all;
    }

    static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        return exprs;
    }

    @Test
    void the_dashboards_are_provisioned_from_their_folder() throws IOException {
        String provider = Files.readString(ServiceProcess.ROOT.resolve("deploy/grafana/provisioning/dashboards/hallwatch.yml"));
        assertTrue(provider.contains("path: /var/lib/grafana/dashboards"));
        assertTrue(Files.readString(ServiceProcess.ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"))
                .contains("url: http://prometheus:9090"));
        assertTrue(dashboards().size() >= 3);
    }

    @Test
    void each_dashboard_is_a_current_schema_document_with_unique_uid_and_panel_ids() throws IOException {
        Set<String> uids = new HashSet<>();
        for (JsonNode d : dashboards()) {
            assertTrue(d.path("schemaVersion").asInt() >= 36, d.path("title") + " has an old schema");
            assertTrue(uids.add(d.path("uid").asText()), "duplicate uid " + d.path("uid"));
            Set<Integer> ids = new HashSet<>();
            d.path("panels").forEach(p -> {
                assertTrue(ids.add(p.path("id").asInt()), "duplicate panel id in " + d.path("title"));
                assertEquals("${datasource}", p.path("datasource").path("uid").asText());
                assertFalse(p.path("targets").isEmpty(), p.path("title") + " has no query");
                assertTrue(p.path("gridPos").has("w") && p.path("gridPos").has("h"));
            });
        }
    }

    @Test
    void dashboards_that_slice_by_branch_or_business_type_offer_them_as_variables() throws IOException {
        for (JsonNode d : dashboards()) {
            Set<String> variables = new HashSet<>();
            d.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
            assertTrue(variables.contains("datasource"));
            String all = String.join("\n", expressions(d));
            for (String v : List.of("branch", "business_type", "job")) {
                if (all.contains("$" + v)) {
                    assertTrue(variables.contains(v), d.path("title") + " uses $" + v + " without the variable");
                }
            }
        }
    }

    @Test
    void every_query_parses_into_known_metric_selectors() throws IOException {
        for (JsonNode d : dashboards()) {
            for (String expr : expressions(d)) {
                Map<String, Set<String>> metrics = PromQl.metrics(expr);
                assertFalse(metrics.isEmpty(), "no metric in " + expr);
                metrics.keySet().forEach(m -> assertTrue(m.startsWith("hallwatch") || m.startsWith("kafka_")
                        || m.startsWith("jvm_") || m.startsWith("process_") || m.startsWith("http_") || m.equals("up"),
                        "unexpected metric " + m + " in " + expr));
            }
        }
    }

    /**
     * A counter that nothing has counted yet has no series, and its panel would be empty: such panels fall back to 0
     * with {@code or on() vector(0)}. Plain {@code or vector(0)} would add a label-less 0 beside the real series once
     * they exist (its empty label set matches none of theirs); {@code on()} makes any real series win.
     */
    @Test
    void a_zero_fallback_never_stands_beside_real_series() throws IOException {
        int fallbacks = 0;
        for (JsonNode d : dashboards()) {
            for (String expr : expressions(d)) {
                if (expr.contains("vector(")) {
                    fallbacks++;
                    assertTrue(expr.endsWith(" or on() vector(0)") && expr.indexOf("vector(") == expr.lastIndexOf("vector("),
                            d.path("title") + ": a zero fallback must be the query's last term, 'or on() vector(0)': " + expr);
                }
            }
        }
        assertTrue(fallbacks >= 10, "the counters' panels show 0 before their first count: " + fallbacks);
    }

    @Test
    void every_recording_rule_a_panel_reads_is_defined() throws IOException {
        String rules = Files.readString(ServiceProcess.ROOT.resolve("deploy/prometheus/rules/hallwatch-recording.yml"));
        for (JsonNode d : dashboards()) {
            for (String expr : expressions(d)) {
                PromQl.metrics(expr).keySet().stream().filter(m -> m.contains(":")).forEach(m ->
                        assertTrue(rules.contains("record: " + m + "\n"), d.path("title") + " reads " + m + ", which no rule records"));
            }
        }
    }

    @Test
    void no_dashboard_types_a_number_of_the_service_standard() throws IOException {
        List<String> copies = new ArrayList<>();
        for (JsonNode d : dashboards()) {
            copies.addAll(TypedStandard.in(d));
        }
        assertEquals(List.of(), copies, "the standard's numbers are read from hallwatch_sla_limit_seconds, "
                + "hallwatch_sla_warning_ratio and hallwatch_sla_branch_average_limit_seconds, never typed");
    }

    @Test
    void the_typed_standard_check_finds_the_copies_the_dashboards_used_to_have() throws IOException {
        JsonNode old = JSON.readTree("""
                {"title": "Hall overview", "description": "Who waits, against the 15-minute standard.", "panels": [
                  {"title": "Oldest wait", "fieldConfig": {"defaults": {"unit": "s", "thresholds": {"mode": "absolute",
                    "steps": [{"color": "green", "value": null}, {"color": "orange", "value": 720}, {"color": "red", "value": 900}]}},
                    "overrides": [{"matcher": {"id": "byName", "options": "x"},
                      "properties": [{"id": "thresholds", "value": {"steps": [{"color": "red", "value": 600}]}}]}]},
                   "targets": [{"expr": "sum(rate(hallwatch_ticket_wait_seconds_bucket{le=\\"900.0\\"}[1h])) / sum(rate(hallwatch_ticket_wait_seconds_count[1h]))"}]},
                  {"title": "Handling", "description": "Limits: PAYMENT 120 s, GENERAL 300 s.",
                   "fieldConfig": {"defaults": {"unit": "m", "thresholds": {"steps": [{"color": "red", "value": 15}]}}},
                   "targets": [{"expr": "max(hallwatch_sla_limit_seconds) * 0.8"}, {"expr": "max by (branch) (hallwatch_tickets_oldest_wait_seconds) > 900"}]},
                  {"title": "Fine", "fieldConfig": {"defaults": {"unit": "s", "thresholds": {"steps": [{"color": "red", "value": 1}]}}},
                   "targets": [{"expr": "histogram_quantile(0.9, sum by (le) (rate(hallwatch_ticket_wait_seconds_bucket[15m]))) * 3600"}]}
                ]}""");
        List<String> copies = TypedStandard.in(old);
        assertEquals(10, copies.size(), String.join("\n", copies));
        assertTrue(copies.stream().noneMatch(c -> c.contains("Fine")), String.join("\n", copies));
    }

    /**
     * The service standard's numbers as they were typed into the dashboards and rules before these read them from the
     * monitor's metrics (domain.md's defaults): the handling limits 120, 300, 480 and 600 s, the wait and branch-average
     * limits of 900 s (COMPLAINT's handling limit too), the early warning at 80 %, 720 s of the wait. Listed here only to
     * keep them out: a panel or rule that needs a limit reads {@code hallwatch_sla_limit_seconds},
     * {@code hallwatch_sla_warning_ratio} or {@code hallwatch_sla_branch_average_limit_seconds}, and a share within a
     * limit comes from the services' {@code within_limit} counters, never from a histogram bucket. Not 3600 (the
     * branch-average window): it is also the seconds of an hour, which turns per-second rates into hourly figures, and
     * a window is a PromQL range, which no metric can set.
     */
    static final class TypedStandard {
        static final Set<Double> SECONDS = Set.of(120.0, 300.0, 480.0, 600.0, 720.0, 900.0);
        static final Set<Double> MINUTES = Set.of(2.0, 5.0, 8.0, 10.0, 12.0, 15.0);
        static final double WARNING_SHARE = 0.8;
        /** "120 s", "15-minute", "12 min", "80 %" in a title, a description or a comment. */
        static final Pattern IN_TEXT = Pattern.compile("\\b(?:120|300|480|600|720|900) ?s\\b|\\b(?:12|15)[ -]?min|\\b80 ?%");

        private TypedStandard() {
        }

        /** Each typed copy of the standard in a dashboard: threshold steps, range mappings, queries, titles and descriptions. */
        static List<String> in(JsonNode dashboard) {
            List<String> copies = new ArrayList<>();
            String title = dashboard.path("title").asText();
            text(title, dashboard.path("description").asText(), copies);
            dashboard.path("panels").forEach(p -> {
                String where = title + " / " + p.path("title").asText();
                text(where, p.path("title").asText() + "\n" + p.path("description").asText(), copies);
                String unit = p.path("fieldConfig").path("defaults").path("unit").asText("");
                List<Double> steps = new ArrayList<>();
                numbersUnder(p.path("fieldConfig"), steps);
                steps.stream().filter(v -> isStandard(v, unit))
                        .forEach(v -> copies.add(where + ": threshold or mapping at " + v + " " + unit));
                p.path("targets").forEach(t -> inQuery(t.path("expr").asText())
                        .forEach(c -> copies.add(where + ": " + c)));
            });
            return copies;
        }

        /** Why a PromQL expression is a typed copy of the standard, or nothing. */
        static List<String> inQuery(String expr) {
            List<String> copies = new ArrayList<>();
            PromQl.matcherValues(expr, "le").forEach(le -> copies.add("selects the bucket le=\"" + le + "\" in " + expr));
            PromQl.numbers(expr).stream().filter(n -> SECONDS.contains(n) || n == WARNING_SHARE)
                    .forEach(n -> copies.add("typed " + n + " in " + expr));
            return copies;
        }

        /** Whether "120 s", "15 minutes" or "80 %" is written in {@code text}. */
        static void text(String where, String text, List<String> copies) {
            Matcher m = IN_TEXT.matcher(text);
            while (m.find()) {
                copies.add(where + ": \"" + m.group() + "\" written in its text");
            }
        }

        private static boolean isStandard(double value, String unit) {
            return switch (unit) {
                case "", "s", "none" -> SECONDS.contains(value) || value == WARNING_SHARE;
                case "m" -> MINUTES.contains(value);
                case "ms" -> SECONDS.contains(value / 1000);
                case "percent" -> value == WARNING_SHARE * 100;
                default -> value == WARNING_SHARE;
            };
        }

        /** The values of every threshold step ({@code steps[].value}) and range mapping ({@code from}, {@code to}). */
        private static void numbersUnder(JsonNode node, List<Double> into) {
            if (node.isObject()) {
                node.path("steps").forEach(step -> {
                    if (step.path("value").isNumber()) {
                        into.add(step.path("value").asDouble());
                    }
                });
                if ("range".equals(node.path("type").asText())) {
                    for (String end : List.of("from", "to")) {
                        if (node.path("options").path(end).isNumber()) {
                            into.add(node.path("options").path(end).asDouble());
                        }
                    }
                }
                node.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("steps")) {
                        numbersUnder(e.getValue(), into);
                    }
                });
            } else if (node.isArray()) {
                node.forEach(n -> numbersUnder(n, into));
            }
        }
    }

    @Test
    void the_promql_reader_finds_metrics_and_their_labels() {
        Map<String, Set<String>> m = PromQl.metrics(
                "histogram_quantile(0.9, sum by (business_type, le) (rate(hallwatch_service_handling_seconds_bucket{branch=~\"$branch\"}[1h])))");
        assertEquals(Set.of("hallwatch_service_handling_seconds_bucket"), m.keySet());
        assertEquals(Set.of("branch", "business_type", "le"), m.get("hallwatch_service_handling_seconds_bucket"));

        Map<String, Set<String>> joined = PromQl.metrics("max by (branch, business_type) (hallwatch_tickets_oldest_wait_seconds)"
                + " / on (business_type) group_left (rule) max by (business_type) (hallwatch_sla_limit_seconds{rule=\"wait\"})");
        assertEquals(Set.of("hallwatch_tickets_oldest_wait_seconds", "hallwatch_sla_limit_seconds"), joined.keySet());
        assertEquals(Set.of("branch", "business_type", "rule"), joined.get("hallwatch_sla_limit_seconds"));

        String old = "sum(rate(hallwatch_ticket_wait_seconds_bucket{branch=~\"$branch\", le=\"900.0\"}[15m])) * 3600 > 0.8";
        assertEquals(List.of("900.0"), PromQl.matcherValues(old, "le"));
        assertEquals(List.of(3600.0, 0.8), PromQl.numbers(old));
        assertEquals(List.of(), PromQl.numbers("hallwatch:tickets_issued:rate1h_by_branch offset 15m"));
    }
}
