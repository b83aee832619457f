package io.hallwatch.counter.api;

import io.hallwatch.counter.api.counter.QueueStub;

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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.hallwatch.common.security.Roles.ADMIN;
import static io.hallwatch.common.security.Roles.CLERK;
import static io.hallwatch.common.security.Roles.DUTY_MANAGER;
import static io.hallwatch.common.security.Roles.MANAGER;
import static io.restassured.RestAssured.given;

/** Every counter-service endpoint × every role, in and out of branch scope, and every kind of bad token. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = QueueStub.class, scope = TestResourceScope.GLOBAL)
class CounterSecurityMatrixTest {
    private static final String DEFINE = "{\"label\":\"9号台\",\"vip\":false,\"skills\":[\"PAYMENT\"]}";

    private String in;
    private String other;

    @BeforeEach
    void a_counter_in_a_branch_of_its_own() {
        in = "SEC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        other = "SEC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().noFilters().header("Authorization", Tokens.role(ADMIN).bearer()).contentType(ContentType.JSON).body(DEFINE)
                .when().put("/api/v1/branches/" + in + "/counters/C09").then().statusCode(201);
    }

    private List<Endpoint> rows() {
        String c = "/api/v1/branches/" + in + "/counters/C09";
        String t = "/api/v1/branches/{branchId}/counters/{counterId}";
        Set<String> readers = Set.of(CLERK, DUTY_MANAGER, MANAGER, ADMIN);
        Set<String> clerk = Set.of(CLERK);
        return List.of(
                Endpoint.of("GET", "/api/v1/branches/{branchId}/counters", readers, true, "/api/v1/branches/" + in + "/counters"),
                Endpoint.of("GET", t, readers, true, c),
                Endpoint.of("PUT", t, Set.of(ADMIN), true, c).json(DEFINE),
                Endpoint.of("POST", t + "/sign-in", clerk, true, c + "/sign-in").json("{\"clerkId\":\"matrix-clerk\"}"),
                Endpoint.of("POST", t + "/sign-out", clerk, true, c + "/sign-out").json("{}"),
                Endpoint.of("POST", t + "/pause", clerk, true, c + "/pause").json("{\"reason\":\"BREAK\"}"),
                Endpoint.of("POST", t + "/resume", clerk, true, c + "/resume").json("{}"),
                Endpoint.of("POST", t + "/call-next", clerk, true, c + "/call-next").json("{}"),
                Endpoint.of("POST", t + "/recall", clerk, true, c + "/recall").json("{}"),
                Endpoint.of("POST", t + "/walk-in", clerk, true, c + "/walk-in").json("{\"businessType\":\"PAYMENT\"}"),
                Endpoint.of("POST", t + "/call-ticket", clerk, true, c + "/call-ticket")
                        .json("{\"ticketId\":\"" + UUID.randomUUID() + "\",\"reason\":\"ELDERLY\"}"),
                Endpoint.of("POST", t + "/park", clerk, true, c + "/park").json("{\"position\":\"BACK\"}"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/counter-settings", readers, true,
                        "/api/v1/branches/" + in + "/counter-settings"),
                Endpoint.of("PUT", "/api/v1/branches/{branchId}/counter-settings", Set.of(ADMIN), true,
                        "/api/v1/branches/" + in + "/counter-settings").json("{\"businessTypesHandledRequired\":false}"),
                Endpoint.of("POST", t + "/no-show", clerk, true, c + "/no-show").json("{}"),
                Endpoint.of("POST", t + "/service/start", clerk, true, c + "/service/start").json("{}"),
                Endpoint.of("POST", t + "/service/finish", clerk, true, c + "/service/finish").json("{\"outcome\":\"COMPLETED\"}"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/clerk-reports", Set.of(DUTY_MANAGER, MANAGER), true,
                        "/api/v1/branches/" + in + "/clerk-reports?date=2026-11-24"),
                // Not refused out of scope: the report only counts the caller's branches (CounterApiTest proves it).
                Endpoint.of("GET", "/api/v1/clerks/{clerkId}/daily-report", Set.of(CLERK, DUTY_MANAGER, MANAGER), false,
                        "/api/v1/clerks/matrix-clerk/daily-report?date=2026-11-24"));
    }

    @Test
    void every_documented_endpoint_has_a_row_and_every_row_an_endpoint() {
        SecurityMatrix.assertRowsMatchTheApi(rows());
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_answers_only_the_right_role_in_the_right_branch() {
        return SecurityMatrix.dynamicTests(rows(), in, other);
    }
}
