package io.hallwatch.marketing.api;

import io.hallwatch.marketing.support.Scenario;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.jwt.SecurityMatrix.Endpoint;
import io.hallwatch.testsupport.jwt.SecurityMatrix;
import io.hallwatch.testsupport.jwt.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.hallwatch.common.security.Roles.ADMIN;
import static io.hallwatch.common.security.Roles.CLERK;
import static io.hallwatch.common.security.Roles.DUTY_MANAGER;
import static io.hallwatch.common.security.Roles.MANAGER;
import static io.hallwatch.common.security.Roles.SERVICE;
import static io.restassured.RestAssured.given;

/** Every marketing-service endpoint × every role, in and out of branch scope, and every kind of bad token. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class MarketingSecurityMatrixTest {
    private static final String ALL = Tokens.allAccess().bearer();

    @Inject
    MutableClock clock;

    private String in;
    private String other;
    private String customer;
    private String offerId;
    private String campaign;

    @BeforeEach
    void a_branch_with_an_offer_made_and_a_campaign() {
        in = Scenario.branch();
        other = Scenario.branch();
        customer = Scenario.heavyDataUser();
        String ticket = Scenario.serve(clock, in, "C01", "A001", "PAYMENT", customer);
        offerId = Scenario.awaitScreen(in, "C01", ticket).getString("offer.offerId");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        campaign = given().noFilters().header("Authorization", ALL).contentType(ContentType.JSON).body(plan(in, today))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    private static String plan(String branch, LocalDate day) {
        return """
                {"branchId":"%s","groupRef":"GRP-ACME","groupName":"ACME Logistics","site":"Staff canteen, building A",
                 "startsOn":"%s","endsOn":"%s","leadStaffId":"s1","staff":["s1","s2","s3"],
                 "targets":[{"offerCode":"M2M","target":40}],
                 "surgePlan":"Two more staff on call at the branch; acceptance forms pre-printed."}""".formatted(branch, day, day.plusDays(1));
    }

    private List<Endpoint> rows() {
        String c = "/api/v1/campaigns/" + campaign;
        String b = "/api/v1/branches/" + in;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        return List.of(
                Endpoint.of("POST", "/api/v1/campaigns", Set.of(MANAGER), true, "/api/v1/campaigns").json(plan(in, today)),
                Endpoint.of("GET", "/api/v1/campaigns", Set.of(MANAGER), true, "/api/v1/campaigns?branchId=" + in),
                Endpoint.of("GET", "/api/v1/campaigns/{id}", Set.of(MANAGER), true, c),
                Endpoint.of("POST", "/api/v1/campaigns/{id}/leads", Set.of(MANAGER, CLERK), true, c + "/leads")
                        .json("{\"staffId\":\"s1\",\"offerCode\":\"M2M\"}"),
                Endpoint.of("POST", "/api/v1/campaigns/{id}/sales", Set.of(MANAGER, CLERK), true, c + "/sales")
                        .json("{\"staffId\":\"s1\",\"offerCode\":\"M2M\"}"),
                Endpoint.of("GET", "/api/v1/campaigns/{id}/evaluation", Set.of(MANAGER), true, c + "/evaluation"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/load", Set.of(CLERK, DUTY_MANAGER, MANAGER), true, b + "/load"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/follow-ups", Set.of(CLERK, MANAGER), true, b + "/follow-ups"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/follow-ups", Set.of(CLERK, MANAGER), true, b + "/follow-ups")
                        .json("{\"followUpId\":\"" + UUID.randomUUID() + "\",\"result\":\"DECLINED\"}"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/counters/{counterId}/recommendation", Set.of(CLERK), true,
                        b + "/counters/C01/recommendation"),
                Endpoint.of("POST", "/api/v1/offers/{offerId}/outcome", Set.of(CLERK), true, "/api/v1/offers/" + offerId + "/outcome")
                        .json("{\"result\":\"DECLINED\"}"),
                Endpoint.of("GET", "/api/v1/offers", Set.of(CLERK, MANAGER, ADMIN), false, "/api/v1/offers"),
                Endpoint.of("GET", "/api/v1/offers/{code}", Set.of(CLERK, MANAGER, ADMIN), false, "/api/v1/offers/M2M"),
                // An empty body: allowed callers get 400, so the matrix changes no offer other tests rely on.
                Endpoint.of("PUT", "/api/v1/offers/{code}", Set.of(MANAGER, ADMIN), false, "/api/v1/offers/M2M").json("{}"),
                Endpoint.of("POST", "/api/v1/customers/import", Set.of(ADMIN, SERVICE), false, "/api/v1/customers/import").json("[]"),
                Endpoint.of("GET", "/api/v1/customers/{customerRef}", Set.of(CLERK, MANAGER), false, "/api/v1/customers/" + customer));
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
