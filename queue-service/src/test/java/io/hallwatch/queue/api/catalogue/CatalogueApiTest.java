package io.hallwatch.queue.api.catalogue;

import io.hallwatch.common.security.Roles;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.jwt.Tokens;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogueApiTest {

    @Test
    void the_catalogue_carries_the_limits_of_the_service_standard_it_follows() {
        given().when().get("/api/v1/business-types").then().statusCode(200)
                .body("find { it.code == 'PAYMENT' }.handlingLimitSeconds", equalTo(120))
                .body("find { it.code == 'GENERAL' }.handlingLimitSeconds", equalTo(300))
                .body("find { it.code == 'NEW_LINE' }.handlingLimitSeconds", equalTo(480))
                .body("find { it.code == 'BROADBAND' }.handlingLimitSeconds", equalTo(600))
                .body("find { it.code == 'BROADBAND' }.limitFromStandard", equalTo(true))
                .body("find { it.code == 'COMPLAINT' }.limitFromStandard", equalTo(true))
                .body("code", hasItems("SIM", "CLOSE_ACCOUNT", "CONSULT"));
    }

    @Test
    void the_demo_branches_are_seeded() {
        given().when().get("/api/v1/branches/GZ-TH-001").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("opensAt", equalTo("09:00:00"))
                .body("businessTypes", hasItems("PAYMENT", "COMPLAINT"));
        given().when().get("/api/v1/branches/NOPE-1").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/branch-not-found"));
    }

    @Test
    void the_branch_list_holds_only_the_branches_the_token_covers() {
        given().when().get("/api/v1/branches").then().statusCode(200)
                .body("id", hasItems("GZ-TH-001", "SZ-FT-002"))
                .body("find { it.id == 'GZ-TH-001' }.businessTypes", hasItems("PAYMENT"));
        given().noFilters().header("Authorization", Tokens.role(Roles.MANAGER).branches("SZ-FT-002").bearer())
                .when().get("/api/v1/branches").then().statusCode(200)
                .body("id", contains("SZ-FT-002"));
        given().noFilters().header("Authorization", Tokens.role(Roles.KIOSK).branches("SZ-FT-002").bearer())
                .when().get("/api/v1/branches").then().statusCode(403);
    }

    @Test
    void a_branch_is_created_then_changed() {
        String id = "ADM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Map<String, Object> body = Map.of("name", "新营业厅", "opensAt", "09:00", "closesAt", "17:30",
                "businessTypes", List.of("PAYMENT", "GENERAL"));
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/branches/" + id)
                .then().statusCode(201).body("timeZone", equalTo("Asia/Shanghai"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "新营业厅", "opensAt", "09:00", "closesAt", "18:00", "businessTypes", List.of("PAYMENT")))
                .when().put("/api/v1/branches/" + id)
                .then().statusCode(200).body("closesAt", equalTo("18:00:00")).body("businessTypes", contains("PAYMENT"));
    }

    @Test
    void invalid_branches_are_refused_and_nothing_is_written() {
        String id = "BAD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "timeZone", "Mars/Olympus", "opensAt", "09:00", "closesAt", "18:00",
                        "businessTypes", List.of("PAYMENT")))
                .when().put("/api/v1/branches/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/invalid-time-zone"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "opensAt", "18:00", "closesAt", "09:00", "businessTypes", List.of("PAYMENT")))
                .when().put("/api/v1/branches/" + id)
                .then().statusCode(400).body("type", equalTo("https://hallwatch.io/problems/invalid-opening-hours"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "opensAt", "09:00", "closesAt", "18:00", "businessTypes", List.of("TELEPORT")))
                .when().put("/api/v1/branches/" + id)
                .then().statusCode(400).body("type", equalTo("https://hallwatch.io/problems/unknown-business-type"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put("/api/v1/branches/" + id)
                .then().statusCode(400).body("type", equalTo("https://hallwatch.io/problems/validation"));
        given().when().get("/api/v1/branches/" + id).then().statusCode(404);
    }

    @Test
    void a_business_type_is_added_with_a_free_prefix_only_and_gets_the_standards_default_limit() {
        given().contentType(ContentType.JSON)
                .body(Map.of("ticketPrefix", "A", "name", "Roaming", "nameZh", "漫游"))
                .when().put("/api/v1/business-types/ROAMING")
                .then().statusCode(409).body("type", equalTo("https://hallwatch.io/problems/ticket-prefix-taken"));
        given().contentType(ContentType.JSON)
                .body(Map.of("ticketPrefix", "R", "name", "Roaming", "nameZh", "漫游"))
                .when().put("/api/v1/business-types/ROAMING")
                .then().statusCode(201).body("limitFromStandard", equalTo(false)).body("handlingLimitSeconds", equalTo(600));
        given().contentType(ContentType.JSON)
                .body(Map.of("ticketPrefix", "R", "name", "Roaming abroad", "nameZh", "国际漫游"))
                .when().put("/api/v1/business-types/ROAMING")
                .then().statusCode(200).body("name", equalTo("Roaming abroad"));
        given().when().get("/api/v1/business-types").then().statusCode(200)
                .body("find { it.code == 'ROAMING' }.nameZh", equalTo("国际漫游"));
    }

    @Test
    void a_handling_limit_is_refused_here_with_where_to_set_it_and_changes_nothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("ticketPrefix", "Y", "name", "Yellow pages", "nameZh", "黄页", "handlingLimitSeconds", 420))
                .when().put("/api/v1/business-types/YELLOW_PAGES")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("handlingLimitSeconds"))
                .body("violations.find { it.field == 'handlingLimitSeconds' }.message", containsString("/api/v1/sla-policies"));
        given().when().get("/api/v1/business-types").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.not(hasItems("YELLOW_PAGES")));
    }

    @Test
    void a_new_version_of_the_standard_moves_the_catalogues_limit() {
        StandardTestResource.publish(StandardTestResource.withHandlingLimit(50, "SIM", 420));
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    given().when().get("/api/v1/business-types").then().statusCode(200)
                            .body("find { it.code == 'SIM' }.handlingLimitSeconds", equalTo(420)));
        } finally {
            StandardTestResource.publish(StandardTestResource.withHandlingLimit(51, "SIM", 300));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().when().get("/api/v1/business-types").then().statusCode(200)
                        .body("find { it.code == 'SIM' }.handlingLimitSeconds", equalTo(300)));
    }
}
