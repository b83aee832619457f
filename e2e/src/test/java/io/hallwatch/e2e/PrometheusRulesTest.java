package io.hallwatch.e2e;

import io.hallwatch.testsupport.lint.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Prometheus and Alertmanager configuration: valid for the real tools (promtool, amtool from
 * Debian's prometheus packages, found or unpacked by test-support's {@code Tools}, failing, never skipping, where they cannot be had), the alert
 * rules' unit tests pass, every Hallwatch metric a rule reads is one a service really exports, and no rule types a
 * number of the service standard (they read it from the monitor's metrics, see {@link DashboardsTest.TypedStandard}).
 */
class PrometheusRulesTest {
    private static final Path ROOT = Path.of(System.getProperty("hallwatch.root", "..")).toAbsolutePath().normalize();
    private static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");
    private static final List<String> RULE_FILES = List.of("rules/hallwatch-recording.yml", "rules/hallwatch-platform-alerts.yml");

    @Test
    void promtool_accepts_the_configuration_and_its_rule_files() throws Exception {
        run(tool("promtool"), PROMETHEUS, "check", "config", "prometheus.yml");
    }

    @Test
    void the_alert_and_recording_rule_unit_tests_pass() throws Exception {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        try (Stream<Path> tests = Files.list(PROMETHEUS.resolve("tests"))) {
            tests.filter(p -> p.toString().endsWith(".yml")).forEach(p -> args.add("tests/" + p.getFileName()));
        }
        assertTrue(args.size() > 2, "no rule tests found");
        run(tool("promtool"), PROMETHEUS, args.toArray(String[]::new));
    }

    @Test
    void amtool_accepts_the_alertmanager_configuration() throws Exception {
        run(tool("amtool"), ROOT.resolve("deploy/alertmanager"), "check-config", "alertmanager.yml");
    }

    @Test
    void every_hallwatch_metric_in_the_rules_is_exported_by_a_service() throws IOException {
        Set<String> exported = exportedMeterNames();
        StringBuilder rules = new StringBuilder();
        for (String file : RULE_FILES) {
            rules.append(Files.readString(PROMETHEUS.resolve(file))).append('\n');
        }
        Matcher m = Pattern.compile("\\b(hallwatch_[a-z_]+)").matcher(rules);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertTrue(used.size() > 5);
        for (String metric : used) {
            assertTrue(isExported(metric, exported), metric + " is read by a rule but no service exports it");
        }
    }

    @Test
    void no_rule_types_a_number_of_the_service_standard() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> copies = new ArrayList<>();
        int rules = 0;
        for (String file : RULE_FILES) {
            String text = Files.readString(PROMETHEUS.resolve(file));
            DashboardsTest.TypedStandard.text(file, text, copies);
            for (JsonNode group : yaml.readTree(text).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    rules++;
                    String name = rule.has("record") ? rule.path("record").asText() : rule.path("alert").asText();
                    DashboardsTest.TypedStandard.inQuery(rule.path("expr").asText())
                            .forEach(c -> copies.add(file + " / " + name + ": " + c));
                }
            }
        }
        assertTrue(rules > 10, "rules not read");
        assertEquals(List.of(), copies, "a rule compares with hallwatch_sla_limit_seconds, hallwatch_sla_warning_ratio or "
                + "hallwatch_sla_branch_average_limit_seconds (e.g. > on() group_left max(...)), and counts shares within a "
                + "limit from the within_limit counters: the standard's numbers are never typed");
    }

    /**
     * Metric names in the services' code: Micrometer's ("hallwatch.tickets.issued" →
     * hallwatch_tickets_issued) and the Prometheus client's and GaugeTable's, already in
     * Prometheus form ("hallwatch_ticket_wait_seconds").
     */
    static Set<String> exportedMeterNames() throws IOException {
        Set<String> names = new HashSet<>();
        Pattern meter = Pattern.compile("\"(hallwatch[._][a-z_.]+)\"");
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                Matcher m = meter.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }

    static boolean isExported(String metric, Set<String> exported) {
        String base = metric;
        for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_seconds", "_minutes", "_max")) {
            if (exported.contains(base)) {
                return true;
            }
            if (base.endsWith(suffix)) {
                base = base.substring(0, base.length() - suffix.length());
            }
        }
        return exported.contains(base);
    }

    private static Path tool(String name) {
        return name.equals("amtool") ? Tools.amtool() : Tools.promtool();
    }

    private static void run(Path tool, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
    }
}
