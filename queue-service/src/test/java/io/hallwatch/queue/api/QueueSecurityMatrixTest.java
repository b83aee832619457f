package io.hallwatch.queue.api;

import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.jwt.SecurityMatrix;
import io.hallwatch.testsupport.jwt.SecurityMatrix.Endpoint;
import io.hallwatch.testsupport.jwt.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.hallwatch.common.security.Roles.ADMIN;
import static io.hallwatch.common.security.Roles.CLERK;
import static io.hallwatch.common.security.Roles.DUTY_MANAGER;
import static io.hallwatch.common.security.Roles.KIOSK;
import static io.hallwatch.common.security.Roles.MANAGER;
import static io.hallwatch.common.security.Roles.ONLINE_HALL;
import static io.hallwatch.common.security.Roles.SERVICE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every queue-service endpoint × every role, in and out of branch scope, and every kind of bad token. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class QueueSecurityMatrixTest {
    private static final Set<String> EVERYONE = Set.of(KIOSK, CLERK, DUTY_MANAGER, MANAGER, ADMIN, SERVICE);
    private static final String ADMIN_TOKEN = Tokens.role(ADMIN).bearer();

    private String in;
    private String other;
    private String ticket;
    private String consult;
    private String appointment;

    @jakarta.inject.Inject
    io.hallwatch.testsupport.MutableClock clock;

    @BeforeEach
    void two_branches_and_a_ticket() {
        in = branch();
        other = branch();
        ticket = ticket(in);
        appointment = appointment(in, clock.instant());
        // The catalogue row is written back as it is, so the matrix changes nothing other tests see.
        Map<String, Object> c = given().noFilters().header("Authorization", ADMIN_TOKEN).when().get("/api/v1/business-types")
                .then().statusCode(200).extract().jsonPath().getMap("find { it.code == 'CONSULT' }");
        consult = String.format("{\"ticketPrefix\":\"%s\",\"name\":\"%s\",\"nameZh\":\"%s\"}",
                c.get("ticketPrefix"), c.get("name"), c.get("nameZh"));
    }

    private List<Endpoint> rows() {
        String t = "/api/v1/tickets/" + ticket;
        String a = "/api/v1/appointments/" + appointment;
        String b = "/api/v1/branches/" + in;
        return List.of(
                Endpoint.of("POST", "/api/v1/branches/{branchId}/remote-tickets", Set.of(ONLINE_HALL), true, b + "/remote-tickets")
                        .json("{\"businessType\":\"PAYMENT\"}"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/check-ins", Set.of(KIOSK), true, b + "/check-ins")
                        .json("{\"code\":\"123456\"}"),
                Endpoint.of("PUT", "/api/v1/branches/{branchId}/appointment-plans/{businessType}", Set.of(ADMIN), true,
                        b + "/appointment-plans/BROADBAND").json("{\"slotMinutes\":5,\"capacity\":5}"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/appointment-plans", Set.of(ADMIN, MANAGER, DUTY_MANAGER, ONLINE_HALL, KIOSK),
                        true, b + "/appointment-plans"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/appointment-slots", Set.of(ONLINE_HALL, KIOSK, DUTY_MANAGER, MANAGER, ADMIN),
                        true, b + "/appointment-slots?businessType=BROADBAND"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/appointments", Set.of(ONLINE_HALL), true, b + "/appointments")
                        .json("{\"businessType\":\"BROADBAND\",\"slotStart\":\"2020-01-01T00:00:00Z\"}"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/appointments", Set.of(DUTY_MANAGER, MANAGER, ADMIN), true, b + "/appointments"),
                Endpoint.of("GET", "/api/v1/appointments/{appointmentId}", Set.of(ONLINE_HALL, DUTY_MANAGER, MANAGER, ADMIN), true, a),
                Endpoint.of("POST", "/api/v1/appointments/{appointmentId}/cancel", Set.of(ONLINE_HALL, DUTY_MANAGER), true,
                        a + "/cancel").json("{}"),
                Endpoint.of("GET", "/api/v1/business-types", EVERYONE, false, "/api/v1/business-types"),
                Endpoint.of("PUT", "/api/v1/business-types/{code}", Set.of(ADMIN), false, "/api/v1/business-types/CONSULT")
                        .json(consult),
                Endpoint.of("GET", "/api/v1/branches", Set.of(DUTY_MANAGER, MANAGER, ADMIN, SERVICE), false, "/api/v1/branches"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}", EVERYONE, true, "/api/v1/branches/" + in),
                Endpoint.of("PUT", "/api/v1/branches/{branchId}", Set.of(ADMIN), true, "/api/v1/branches/" + in).json(branchBody()),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/queue", EVERYONE, true, "/api/v1/branches/" + in + "/queue"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/neighbours", EVERYONE, true, "/api/v1/branches/" + in + "/neighbours"),
                Endpoint.of("PUT", "/api/v1/branches/{branchId}/neighbours", Set.of(ADMIN), true, "/api/v1/branches/" + in + "/neighbours")
                        .json("{\"neighbours\":[]}"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/queue/call-next", Set.of(SERVICE), true,
                        "/api/v1/branches/" + in + "/queue/call-next")
                        .json("{\"counterId\":\"C9\",\"clerkId\":\"k9\",\"businessTypes\":[\"BROADBAND\"],\"vipCounter\":false}"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/queue/walk-in", Set.of(SERVICE), true,
                        "/api/v1/branches/" + in + "/queue/walk-in")
                        .json("{\"counterId\":\"C9\",\"clerkId\":\"k9\",\"businessTypes\":[\"PAYMENT\"],\"businessType\":\"PAYMENT\"}"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/queue/call-ticket", Set.of(SERVICE), true,
                        "/api/v1/branches/" + in + "/queue/call-ticket")
                        .json("{\"counterId\":\"C9\",\"clerkId\":\"k9\",\"businessTypes\":[\"PAYMENT\"],\"ticketId\":\""
                                + ticket + "\",\"reason\":\"ELDERLY\"}"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/tickets", Set.of(KIOSK), true, "/api/v1/branches/" + in + "/tickets")
                        .json("{\"businessType\":\"PAYMENT\"}"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/service-day", EVERYONE, true,
                        "/api/v1/branches/" + in + "/service-day"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/eta-accuracy", Set.of(DUTY_MANAGER, MANAGER, ADMIN), true,
                        "/api/v1/branches/" + in + "/eta-accuracy"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/staffing", Set.of(DUTY_MANAGER, MANAGER, ADMIN), true,
                        "/api/v1/branches/" + in + "/staffing"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/day-extensions", Set.of(DUTY_MANAGER), true,
                        "/api/v1/branches/" + in + "/day-extensions").json("{\"until\":\"2099-01-01T23:00:00+08:00\"}"),
                Endpoint.of("GET", "/api/v1/tickets/{ticketId}", Set.of(KIOSK, CLERK, DUTY_MANAGER, MANAGER, ONLINE_HALL, SERVICE), true, t),
                Endpoint.of("POST", "/api/v1/tickets/{ticketId}/recall", Set.of(CLERK, SERVICE), true, t + "/recall").json("{}"),
                Endpoint.of("POST", "/api/v1/tickets/{ticketId}/turn-notice", Set.of(KIOSK, SERVICE), true, t + "/turn-notice")
                        .json("{}"),
                Endpoint.of("POST", "/api/v1/tickets/{ticketId}/park", Set.of(CLERK, SERVICE), true, t + "/park")
                        .json("{\"position\":\"BACK\"}"),
                Endpoint.of("POST", "/api/v1/tickets/{ticketId}/no-show", Set.of(CLERK, SERVICE), true, t + "/no-show").json("{}"),
                Endpoint.of("POST", "/api/v1/tickets/{ticketId}/cancel", Set.of(KIOSK, CLERK, DUTY_MANAGER, ONLINE_HALL, SERVICE), true, t + "/cancel")
                        .json("{}"),
                Endpoint.of("POST", "/api/v1/tickets/{ticketId}/transfer", Set.of(CLERK, DUTY_MANAGER), true, t + "/transfer")
                        .json("{\"businessType\":\"GENERAL\"}"));
    }

    @Test
    void every_documented_endpoint_has_a_row_and_every_row_an_endpoint() {
        SecurityMatrix.assertRowsMatchTheApi(rows());
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_answers_only_the_right_role_in_the_right_branch() {
        return SecurityMatrix.dynamicTests(rows(), in, other);
    }

    @Test
    void a_refusal_says_nothing_useful_and_is_counted_by_reason() {
        double before = failures("expired");
        String expired = Tokens.role(KIOSK).branches(in).expired().bearer();
        given().noFilters().header("Authorization", expired).when().get("/api/v1/branches/" + in + "/queue")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(SecurityMatrix.UNAUTHENTICATED))
                .body(not(containsString(expired.substring(7, 40))))
                .body(not(containsString("expired")));
        assertEquals(before + 1, failures("expired"));

        double outOfBranch = failures("out_of_branch");
        given().noFilters().header("Authorization", Tokens.role(KIOSK).branches(other).bearer())
                .when().get("/api/v1/branches/" + in + "/queue")
                .then().statusCode(403).body("type", equalTo(SecurityMatrix.FORBIDDEN)).body("detail", not(containsString(in)));
        assertEquals(outOfBranch + 1, failures("out_of_branch"));

        double role = failures("forbidden_role");
        given().noFilters().header("Authorization", Tokens.role(KIOSK).branches(in).bearer())
                .contentType(ContentType.JSON).body(branchBody()).when().put("/api/v1/branches/" + in)
                .then().statusCode(403).body("type", equalTo(SecurityMatrix.FORBIDDEN));
        assertEquals(role + 1, failures("forbidden_role"));

        double none = failures("no_token");
        given().noFilters().when().get("/api/v1/business-types").then().statusCode(401);
        assertEquals(none + 1, failures("no_token"));

        double bad = failures("bad_token");
        given().noFilters().header("Authorization", Tokens.role(KIOSK).badSignature().bearer())
                .when().get("/api/v1/business-types").then().statusCode(401);
        assertEquals(bad + 1, failures("bad_token"));
    }

    @Test
    void a_verified_token_is_reused_but_only_byte_for_byte() {
        String jwt = Tokens.role(KIOSK).branches(in).jwt();
        double hits = tokenCache("hit");
        given().noFilters().header("Authorization", "Bearer " + jwt).when().get("/api/v1/branches/" + in + "/queue").then().statusCode(200);
        given().noFilters().header("Authorization", "Bearer " + jwt).when().get("/api/v1/branches/" + in + "/queue").then().statusCode(200);
        assertEquals(hits + 1, tokenCache("hit"), "the second request reuses the first one's verification");

        // The same header and claims with another key's signature: not the token that was verified.
        String forged = Tokens.role(KIOSK).branches(in).badSignature().jwt();
        String spliced = jwt.substring(0, jwt.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));
        given().noFilters().header("Authorization", "Bearer " + spliced).when().get("/api/v1/branches/" + in + "/queue")
                .then().statusCode(401);
    }

    @Test
    void a_token_without_a_branches_claim_sees_no_branch() {
        given().noFilters().header("Authorization", Tokens.role(KIOSK).noBranchClaim().bearer())
                .when().get("/api/v1/branches/" + in + "/queue").then().statusCode(403);
    }

    @Test
    void probes_and_prometheus_need_no_token() {
        given().noFilters().when().get("/q/health/ready").then().statusCode(200);
        given().noFilters().when().get("/q/metrics").then().statusCode(200);
        given().noFilters().when().get("/q/openapi").then().statusCode(200);
    }

    private static double failures(String reason) {
        String metrics = given().noFilters().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("hallwatch_auth_failures_total{") && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static double tokenCache(String result) {
        String metrics = given().noFilters().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"verified-tokens\"")
                        && l.contains("result=\"" + result + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String branchBody() {
        return "{\"name\":\"矩阵营业厅\",\"timeZone\":\"Asia/Shanghai\",\"opensAt\":\"00:00\",\"closesAt\":\"23:59\","
                + "\"businessTypes\":[\"PAYMENT\",\"GENERAL\",\"BROADBAND\"]}";
    }

    private static String branch() {
        String id = "SEC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().noFilters().header("Authorization", ADMIN_TOKEN).contentType(ContentType.JSON).body(branchBody())
                .when().put("/api/v1/branches/" + id).then().statusCode(201);
        return id;
    }

    /** An appointment at {@code branch} for the first slot of the day after {@code now} (slots of 5 minutes). */
    private static String appointment(String branch, java.time.Instant now) {
        given().noFilters().header("Authorization", ADMIN_TOKEN).contentType(ContentType.JSON)
                .body("{\"slotMinutes\":5,\"capacity\":5}").when().put("/api/v1/branches/" + branch + "/appointment-plans/BROADBAND")
                .then().statusCode(200);
        java.time.Instant slot = now.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1)
                .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        return given().noFilters().header("Authorization", Tokens.role(ONLINE_HALL).branches(branch).bearer())
                .contentType(ContentType.JSON).body(Map.of("businessType", "BROADBAND", "slotStart", slot.toString()))
                .when().post("/api/v1/branches/" + branch + "/appointments").then().statusCode(201).extract().path("appointmentId");
    }

    private static String ticket(String branch) {
        return given().noFilters().header("Authorization", Tokens.role(KIOSK).branches(branch).bearer())
                .contentType(ContentType.JSON).body(Map.of("businessType", "PAYMENT"))
                .when().post("/api/v1/branches/" + branch + "/tickets").then().statusCode(201).extract().path("ticketId");
    }
}
