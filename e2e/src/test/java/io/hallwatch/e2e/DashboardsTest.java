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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grafana cannot be installed here, so its provisioned dashboards are checked as documents: valid
 * JSON of the current schema, template variables for branch and business type where they slice by
 * them, every panel with a query on the provisioned data source. Whether the metrics and labels
 * they query exist is checked against the services' real /q/metrics in {@link TicketJourneyIT}.
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

    @Test
    void the_promql_reader_finds_metrics_and_their_labels() {
        Map<String, Set<String>> m = PromQl.metrics(
                "histogram_quantile(0.9, sum by (business_type, le) (rate(hallwatch_service_handling_seconds_bucket{branch=~\"$branch\"}[1h])))");
        assertEquals(Set.of("hallwatch_service_handling_seconds_bucket"), m.keySet());
        assertEquals(Set.of("branch", "business_type", "le"), m.get("hallwatch_service_handling_seconds_bucket"));
    }
}
