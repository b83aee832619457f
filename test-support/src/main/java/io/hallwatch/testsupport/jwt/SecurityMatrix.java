package io.hallwatch.testsupport.jwt;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * The role × endpoint matrix of a service, run against the real app: for every endpoint, every
 * role with a token scoped to the endpoint's branch and with one scoped to another branch, no
 * token, and tokens that are expired, from another issuer, for another audience, or signed by an
 * unknown key. Refusals must be 401/403 problem+json; allowed combinations must not be.
 * {@link #undocumented}/{@link #unknown} compare the rows with the app's own OpenAPI document, so a
 * new endpoint without a row fails its service's matrix test.
 */
public final class SecurityMatrix {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String UNAUTHENTICATED = "https://hallwatch.io/problems/unauthenticated";
    public static final String FORBIDDEN = "https://hallwatch.io/problems/forbidden";
    /** Marks an endpoint that needs no token (it carries its own proof, like a signed link). */
    public static final Set<String> PUBLIC = Set.of();

    private SecurityMatrix() {
    }

    /**
     * One endpoint: its method and documented path, the roles allowed, whether it is limited to the
     * caller's branches, and a concrete request that touches branch {@code inBranch} (the path, and
     * the body and its type when it has one). The request is made once per combination, so it
     * should be repeatable or harmless when repeated (a refusal such as 409 is fine).
     */
    public record Endpoint(String method, String template, Set<String> roles, boolean branchScoped, String path,
                           String contentType, Supplier<String> body) {
        public String key() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }

        public static Endpoint of(String method, String template, Set<String> roles, boolean branchScoped, String path) {
            return new Endpoint(method, template, roles, branchScoped, path, null, null);
        }

        public Endpoint json(String body) {
            return new Endpoint(method, template, roles, branchScoped, path, "application/json", () -> body);
        }

        public Endpoint json(Supplier<String> body) {
            return new Endpoint(method, template, roles, branchScoped, path, "application/json", body);
        }

        public Endpoint body(String contentType, String body) {
            return new Endpoint(method, template, roles, branchScoped, path, contentType, () -> body);
        }
    }

    /** Every operation of the app's OpenAPI document under {@code /api/}, as "METHOD /path". */
    public static Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().noFilters().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.keySet().stream().filter(m -> Set.of("get", "put", "post", "delete", "patch", "head").contains(m))
                        .forEach(m -> operations.add(m.toUpperCase(Locale.ROOT) + " " + path));
            }
        });
        return operations;
    }

    /** Fails unless the rows name exactly the endpoints the app documents in its /q/openapi, both ways. */
    public static void assertRowsMatchTheApi(List<Endpoint> rows) {
        org.junit.jupiter.api.Assertions.assertEquals(Set.of(), undocumented(rows), "endpoints without a row in the security matrix");
        org.junit.jupiter.api.Assertions.assertEquals(Set.of(), unknown(rows), "rows for endpoints the app does not have");
    }

    /** One test per row: every role in and out of the branch, and every bad token, answered as the row says. */
    public static java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> dynamicTests(List<Endpoint> rows, String inBranch,
                                                                                         String otherBranch) {
        return rows.stream().map(e -> org.junit.jupiter.api.DynamicTest.dynamicTest(e.key(), () -> {
            List<String> failures = check(e, inBranch, otherBranch);
            org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), String.join("\n", failures));
        }));
    }

    /** Operations the app documents that have no row. */
    public static Set<String> undocumented(List<Endpoint> rows) {
        Set<String> missing = new TreeSet<>(documentedOperations());
        rows.forEach(r -> missing.remove(r.key()));
        return missing;
    }

    /** Rows that name no operation of the app. */
    public static Set<String> unknown(List<Endpoint> rows) {
        Set<String> documented = documentedOperations();
        Set<String> unknown = new TreeSet<>();
        rows.stream().map(Endpoint::key).filter(k -> !documented.contains(k)).forEach(unknown::add);
        return unknown;
    }

    /** Every combination for one endpoint; the failures, empty when the endpoint behaves. */
    public static List<String> check(Endpoint e, String inBranch, String otherBranch) {
        List<String> failures = new ArrayList<>();
        if (e.roles().isEmpty()) {
            // A public endpoint may refuse on its own terms (a bad signed link), never for want of a token.
            Response r = send(e, null);
            if (r.statusCode() == 401 || r.asString().contains(FORBIDDEN) || r.asString().contains(UNAUTHENTICATED)) {
                failures.add(e.key() + " [no token]: a public endpoint asked for a token: " + r.statusCode());
            }
            return failures;
        }
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("expired", Tokens.allAccess().expired().bearer());
        bad.put("wrong issuer", Tokens.allAccess().issuer("https://evil.example/auth").bearer());
        bad.put("wrong audience", Tokens.allAccess().audience("someone-else").bearer());
        bad.put("bad signature", Tokens.allAccess().badSignature().bearer());
        bad.put("garbage", "Bearer not.a.jwt");
        bad.forEach((what, bearer) -> expectRefused(failures, e, what, bearer, 401, UNAUTHENTICATED));
        for (String role : Tokens.ALL_ROLES) {
            String inScope = Tokens.role(role).subject("matrix-" + role).branches(inBranch).bearer();
            String outOfScope = Tokens.role(role).subject("matrix-" + role).branches(otherBranch).bearer();
            if (!e.roles().contains(role)) {
                expectRefused(failures, e, role + " in scope", inScope, 403, FORBIDDEN);
                expectRefused(failures, e, role + " out of scope", outOfScope, 403, FORBIDDEN);
            } else {
                expectAllowed(failures, e, role + " in scope", inScope);
                if (e.branchScoped()) {
                    expectRefused(failures, e, role + " out of scope", outOfScope, 403, FORBIDDEN);
                } else {
                    expectAllowed(failures, e, role + " out of scope", outOfScope);
                }
            }
        }
        return failures;
    }

    private static void expectRefused(List<String> failures, Endpoint e, String what, String bearer, int status, String type) {
        Response r = send(e, bearer);
        String contentType = r.getContentType() == null ? "" : r.getContentType();
        String body = r.asString();
        if (r.statusCode() != status || !contentType.startsWith(PROBLEM_JSON) || !body.contains(type)) {
            failures.add(e.key() + " [" + what + "]: expected " + status + " problem " + type + ", got "
                    + r.statusCode() + " " + contentType + " " + abbreviate(body));
        }
    }

    private static void expectAllowed(List<String> failures, Endpoint e, String what, String bearer) {
        Response r = send(e, bearer);
        if (r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() >= 500) {
            failures.add(e.key() + " [" + what + "]: expected to pass the security checks, got " + r.statusCode()
                    + " " + abbreviate(r.asString()));
        }
    }

    /** Sends the request with exactly this Authorization header, or none: the default test token is dropped. */
    public static Response send(Endpoint e, String bearer) {
        RequestSpecification request = given().noFilters();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (e.contentType() != null) {
            request.contentType(e.contentType()).body(e.body().get());
        }
        return request.request(e.method(), e.path());
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
