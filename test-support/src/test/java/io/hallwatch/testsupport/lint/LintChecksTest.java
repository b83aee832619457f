package io.hallwatch.testsupport.lint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintChecksTest {

    private static final String CLEAN_METRICS = """
            # HELP hallwatch_tickets_issued_total Tickets issued at the kiosks.
            # TYPE hallwatch_tickets_issued_total counter
            hallwatch_tickets_issued_total{branch="B1",business_type="PAYMENT"} 3.0
            """;

    @Test
    void clean_metrics_pass_promtool() {
        assertDoesNotThrow(() -> LintChecks.assertPromtoolClean(CLEAN_METRICS));
    }

    @Test
    void a_counter_without_total_and_a_unit_in_minutes_fail_promtool() {
        AssertionError error = assertThrows(AssertionError.class, () -> LintChecks.assertPromtoolClean("""
                # HELP hallwatch_ticket_eta_error_minutes The error.
                # TYPE hallwatch_ticket_eta_error_minutes counter
                hallwatch_ticket_eta_error_minutes 3.0
                """));
        assertTrue(error.getMessage().contains("hallwatch_ticket_eta_error_minutes"), error.getMessage());
    }

    @Test
    void a_named_and_described_operation_passes_spectral() {
        assertDoesNotThrow(() -> LintChecks.assertSpectralClean(document(
                "\"operationId\":\"listThings\",\"description\":\"Lists the things.\",")));
    }

    @Test
    void an_operation_without_id_or_description_fails_spectral() {
        AssertionError error = assertThrows(AssertionError.class, () -> LintChecks.assertSpectralClean(document("")));
        assertTrue(error.getMessage().contains("operation-operationId"), error.getMessage());
        assertTrue(error.getMessage().contains("operation-description"), error.getMessage());
    }

    @Test
    void an_inline_regex_flag_fails_spectral() {
        String doc = document("\"operationId\":\"listThings\",\"description\":\"Lists the things.\",")
                .replace("\"schema\":{\"type\":\"string\"}", "\"schema\":{\"type\":\"string\",\"pattern\":\"(?s)(?!.*[0-9]{7}).*\"}");
        assertThrows(AssertionError.class, () -> LintChecks.assertSpectralClean(doc));
    }

    private static String document(String operationFields) {
        return """
                {"openapi":"3.0.3","info":{"title":"t","version":"1","description":"d","contact":{"name":"n"}},
                 "servers":[{"url":"http://localhost"}],"tags":[{"name":"things","description":"t"}],
                 "paths":{"/things":{"get":{%s"tags":["things"],
                   "parameters":[{"name":"q","in":"query","schema":{"type":"string"}}],
                   "responses":{"200":{"description":"ok"}}}}}}
                """.formatted(operationFields);
    }
}
