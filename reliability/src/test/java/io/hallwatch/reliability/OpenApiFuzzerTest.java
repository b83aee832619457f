package io.hallwatch.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiFuzzerTest {
    private static final String DOCUMENT = """
            {"paths":{
              "/api/v1/branches/{branchId}/tickets":{"post":{"parameters":[{"name":"branchId","in":"path"}],
                 "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Issue"}}}}}},
              "/api/v1/breaches":{"get":{"parameters":[{"name":"branchId","in":"query"},{"name":"kind","in":"query"}]}}},
             "components":{"schemas":{"Issue":{"type":"object","properties":{"businessType":{"type":"string"},"tier":{"type":"string","enum":["NORMAL","VIP"]}}}}}}
            """;

    private static List<OpenApiFuzzer.FuzzRequest> generate(long seed, int count) throws Exception {
        JsonNode doc = Platform.JSON.readTree(DOCUMENT);
        return new OpenApiFuzzer(doc, seed).generate(count);
    }

    @Test
    void requests_cover_every_operation_of_the_document_with_its_path_parameters_filled() throws Exception {
        List<OpenApiFuzzer.FuzzRequest> requests = generate(1, 200);
        assertEquals(Set.of("POST /api/v1/branches/{branchId}/tickets", "GET /api/v1/breaches"),
                requests.stream().map(OpenApiFuzzer.FuzzRequest::operation).collect(Collectors.toSet()));
        assertTrue(requests.stream().noneMatch(r -> r.path().contains("{")));
        assertTrue(requests.stream().filter(r -> r.method().equals("GET")).allMatch(r -> r.body() == null));
    }

    @Test
    void bodies_include_broken_json_wrong_shapes_oversized_values_and_some_calls_go_without_a_valid_token() throws Exception {
        List<OpenApiFuzzer.FuzzRequest> requests = generate(7, 2_000);
        List<String> bodies = requests.stream().map(OpenApiFuzzer.FuzzRequest::body).filter(b -> b != null).toList();
        assertTrue(bodies.contains("{\"unterminated\": "));
        assertTrue(bodies.stream().anyMatch(b -> b.length() > 100_000));
        assertTrue(bodies.stream().anyMatch(b -> b.contains("\"businessType\"") && b.contains("\"tier\"")));
        assertTrue(requests.stream().anyMatch(r -> r.auth().equals("none")));
        assertTrue(requests.stream().anyMatch(r -> r.auth().equals("garbage")));
        assertTrue(requests.stream().anyMatch(r -> !r.contentType().equals("application/json")));
    }

    @Test
    void the_same_seed_gives_the_same_requests_so_a_failure_can_be_replayed() throws Exception {
        assertEquals(generate(42, 300), generate(42, 300));
        assertFalse(generate(42, 300).equals(generate(43, 300)));
    }
}
