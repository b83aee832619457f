package io.hallwatch.testsupport.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The checks the tools people point at a service would make: promtool on its metrics, Spectral's
 * {@code spectral:oas} ruleset on its OpenAPI document. Run by each service's {@code LintTest} against
 * the running service, so that what is checked is what a scrape or a client generator really gets.
 */
public final class LintChecks {

    /** Spectral findings that fail the check besides errors: the API's operations must be named and said. */
    private static final Set<String> REQUIRED_RULES = Set.of(
            "operation-operationId", "operation-operationId-unique", "operation-operationId-valid-in-url",
            "operation-description");

    private static final ObjectMapper JSON = new ObjectMapper();

    private LintChecks() {
    }

    /**
     * {@code promtool check metrics} reports nothing for the {@code hallwatch_*} families in the given
     * exposition (text format 0.0.4: ask with {@code Accept: text/plain; version=0.0.4}).
     */
    public static void assertPromtoolClean(String metricsText) {
        if (!metricsText.contains("# HELP") || metricsText.startsWith("{")) {
            fail("not a Prometheus text exposition: " + metricsText.substring(0, Math.min(200, metricsText.length())));
        }
        Path file = write("metrics", ".txt", metricsText);
        String output = Tools.run(file.getParent(), 120, "sh", "-c",
                "'" + Tools.promtool() + "' check metrics < '" + file + "'");
        List<String> findings = Tools.lines(output).stream()
                .filter(line -> line.startsWith("hallwatch_") || line.contains("error while linting"))
                .toList();
        assertEquals(List.of(), findings, "promtool check metrics on the hallwatch_* families; it said:\n" + output);
    }

    /**
     * Spectral's {@code spectral:oas} ruleset finds no error in the OpenAPI document (JSON), and every
     * operation has a unique operationId and a description.
     */
    public static void assertSpectralClean(String openApiJson) {
        Path document = write("openapi", ".json", openApiJson);
        Path ruleset = write("spectral", ".yaml", "extends: [\"spectral:oas\"]\n");
        Path report = document.resolveSibling(document.getFileName() + ".spectral.json");
        String output = Tools.run(document.getParent(), 300, Tools.spectral().toString(), "lint",
                "-r", ruleset.toString(), "-f", "json", "-o", report.toString(), "--fail-severity", "error",
                document.toString());
        List<String> findings = new ArrayList<>();
        try {
            if (!Files.isRegularFile(report)) {
                fail("Spectral wrote no report; it said:\n" + output);
            }
            for (JsonNode result : JSON.readTree(report.toFile())) {
                String code = result.path("code").asText();
                if (result.path("severity").asInt(1) == 0 || REQUIRED_RULES.contains(code)) {
                    findings.add(code + " at " + result.path("path") + ": " + result.path("message").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), findings, "Spectral spectral:oas errors and unnamed operations");
    }

    private static Path write(String prefix, String suffix, String content) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "lint").toAbsolutePath());
            Path file = Files.createTempFile(dir, prefix, suffix);
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
