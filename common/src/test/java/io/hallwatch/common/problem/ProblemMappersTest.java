package io.hallwatch.common.problem;

import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class ProblemMappersTest {

    @Test
    void a_valid_request_passes() {
        given().contentType(ContentType.JSON).body("{\"branchId\":\"GZ-TH-001\",\"count\":2}")
                .when().post("/probe/orders").then().statusCode(201);
    }

    @Test
    void invalid_fields_are_listed_by_their_json_names() {
        given().contentType(ContentType.JSON).body("{\"branchId\":\"gz th\",\"count\":99}")
                .when().post("/probe/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/validation"))
                .body("status", equalTo(400))
                .body("violations.field", hasItems("branchId", "count"))
                .body("instance", equalTo("/probe/orders"));
    }

    @Test
    void a_missing_body_is_a_validation_problem() {
        given().contentType(ContentType.JSON).when().post("/probe/orders")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformed_json_is_a_malformed_body_problem() {
        given().contentType(ContentType.JSON).body("{\"branchId\":")
                .when().post("/probe/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/malformed-body"));
    }

    @Test
    void a_wrongly_typed_field_is_a_malformed_body_problem_naming_the_field() {
        given().contentType(ContentType.JSON).body("{\"branchId\":\"GZ-TH-001\",\"count\":\"many\"}")
                .when().post("/probe/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/malformed-body"))
                .body("detail", containsString("count"))
                .body("detail", not(containsString("many")));
    }

    @Test
    void a_domain_not_found_keeps_its_own_type() {
        given().when().get("/probe/orders/42")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/order-not-found"))
                .body("detail", equalTo("No order 42"));
    }

    @Test
    void an_unknown_path_a_wrong_method_and_a_wrong_media_type_are_problems() {
        given().when().get("/probe/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/probe/orders").then().statusCode(405).contentType("application/problem+json");
        given().contentType(ContentType.XML).body("<order/>").when().post("/probe/orders")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void an_unexpected_failure_is_a_500_without_internals() {
        given().when().get("/probe/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/internal"))
                .body("detail", containsString("incident"))
                .body(not(containsString("secret")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void a_database_outage_is_a_503_with_retry_after() {
        given().when().get("/probe/database-down")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://hallwatch.io/problems/database-unavailable"));
    }

    @Test
    void text_the_database_cannot_store_is_a_400_not_a_500() {
        // Found by the reliability suite's fuzzer: a NUL byte in a path parameter reached PostgreSQL.
        given().urlEncodingEnabled(false).when().get("/probe/names/GZ%00TH")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/unstorable-text"))
                .body(not(containsString("UTF8")));
        given().when().get("/probe/names/postgres").then().statusCode(200).body(equalTo("1"));
    }
}
