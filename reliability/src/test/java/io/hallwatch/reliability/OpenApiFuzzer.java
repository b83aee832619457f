package io.hallwatch.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bad requests generated from a service's own OpenAPI document: for every operation, path and
 * query parameters from a list of hostile values, bodies that are not JSON, JSON of the wrong
 * shape, one property at a time of the wrong type, at a boundary or oversized, nested too deep,
 * the wrong content type; most with a valid all-access token (so they reach validation), some
 * with none or a garbage one. Seeded, so a failing run can be replayed.
 */
final class OpenApiFuzzer {
    /** What the sender does with one generated request; {@code auth} is "valid", "none" or "garbage". */
    record FuzzRequest(String method, String path, String contentType, String body, String auth, String operation) {
    }

    static final List<String> HOSTILE = List.of("", " ", "x".repeat(5_000), "%00", "..%2F..%2Fetc%2Fpasswd", "' OR 1=1--",
            "\u0000", "😀🚀", "-1", "0", "2147483648", "99999999999999999999999", "1e309", "NaN", "true", "null",
            "[]", "{}", "00000000-0000-0000-0000-000000000000", "not-a-uuid", "2026-13-45T25:61:00Z", "<script>", "GZ-TH-001",
            "\\u202e", "a/b", "${jndi:ldap://x}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;
    private final Random random;
    private final List<String[]> operations = new ArrayList<>();

    OpenApiFuzzer(JsonNode document, long seed) {
        this.document = document;
        this.random = new Random(seed);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(new String[]{method.toUpperCase(), path.getKey()});
                }
            }
        }
        operations.sort(java.util.Comparator.comparing((String[] o) -> o[1]).thenComparing(o -> o[0]));
    }

    int operationCount() {
        return operations.size();
    }

    /** {@code count} requests spread round-robin over every operation. */
    List<FuzzRequest> generate(int count) {
        List<FuzzRequest> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] op = operations.get(i % operations.size());
            out.add(request(op[0], op[1]));
        }
        return out;
    }

    private FuzzRequest request(String method, String template) {
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : parameters(template, operation)) {
            String in = p.path("in").asText();
            String value = parameterValue();
            if ("path".equals(in)) {
                path = path.replace("{" + p.path("name").asText() + "}", encode(value));
            } else if ("query".equals(in) && random.nextInt(3) > 0) {
                query.append(query.isEmpty() ? "?" : "&").append(p.path("name").asText()).append('=').append(encode(value));
            }
        }
        path = path.replaceAll("\\{[^}]+}", "x");
        String contentType = "application/json";
        String body = null;
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!"GET".equals(method) && !"DELETE".equals(method)) {
            body = body(resolve(schema));
            int ct = random.nextInt(20);
            contentType = ct == 0 ? "text/plain" : ct == 1 ? "application/xml" : ct == 2 ? "application/json; charset=latin9" : contentType;
        }
        int a = random.nextInt(20);
        String auth = a == 0 ? "none" : a == 1 ? "garbage" : "valid";
        return new FuzzRequest(method, path + query, contentType, body, auth, method + " " + template);
    }

    private List<JsonNode> parameters(String template, JsonNode operation) {
        List<JsonNode> out = new ArrayList<>();
        document.path("paths").path(template).path("parameters").forEach(out::add);
        operation.path("parameters").forEach(out::add);
        return out;
    }

    private String parameterValue() {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode resolve(JsonNode schema) {
        for (int depth = 0; depth < 10 && schema.has("$ref"); depth++) {
            String ref = schema.path("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        return schema;
    }

    private String body(JsonNode schema) {
        switch (random.nextInt(12)) {
            case 0:
                return "";
            case 1:
                return "{\"unterminated\": ";
            case 2:
                return List.of("[]", "\"text\"", "123", "null", "true").get(random.nextInt(5));
            case 3:
                return "{}";
            case 4:
                return "[".repeat(3000) + "]".repeat(3000);
            case 5:
                return "{\"a\":\"" + "长".repeat(300_000) + "\"}";
            default:
                return mutated(schema).toString();
        }
    }

    /** A plausible body with one property (or the array's element) replaced by a bad value. */
    private JsonNode mutated(JsonNode schema) {
        JsonNode plausible = plausible(schema, 0);
        if (plausible instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String victim = names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                object.remove(victim);
            } else {
                object.set(victim, badValue());
            }
            return object;
        }
        if (plausible instanceof ArrayNode array) {
            array.add(badValue());
            return array;
        }
        return badValue();
    }

    private JsonNode plausible(JsonNode schema, int depth) {
        schema = resolve(schema);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (depth > 4) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(f -> o.set(f.getKey(), plausible(f.getValue(), depth + 1)));
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                a.add(plausible(schema.path("items"), depth + 1));
                return a;
            }
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
                    return schema.path("enum").get(0);
                }
                return NODES.textNode("fuzz");
        }
    }

    private JsonNode badValue() {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("x".repeat(100_000));
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            case 5 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 6 -> NODES.numberNode(-0.0000001);
            case 7 -> NODES.objectNode().put("nested", "object");
            case 8 -> NODES.arrayNode().add(1).add("two");
            case 9 -> NODES.textNode("2026-02-30T25:00:00Z");
            case 10 -> NODES.booleanNode(false);
            case 11 -> NODES.textNode("13800138000");
            case 12 -> NODES.textNode("P-1D");
            default -> NODES.textNode(parameterValue());
        };
    }
}
