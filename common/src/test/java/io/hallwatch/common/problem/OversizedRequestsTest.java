package io.hallwatch.common.problem;

import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Found by the reliability suite's fuzzer: an over-long URL or header block got a bare 414/431
 * with an empty body from the HTTP codec, before any Hallwatch code ran.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class OversizedRequestsTest {

    @Test
    void a_10_kb_url_is_a_uri_too_long_problem_that_does_not_echo_it() {
        given().when().get("/probe/names/" + "q".repeat(10_240))
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/uri-too-long"))
                .body("status", equalTo(414))
                .body("title", equalTo("URI too long"))
                .body("detail", containsString("4096"))
                .body(not(containsString("qqqq")));
    }

    @Test
    void a_40_kb_header_is_a_headers_too_large_problem_that_does_not_echo_it() {
        given().header("X-Padding", "h".repeat(40_960)).when().get("/probe/orders/42")
                .then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/headers-too-large"))
                .body("status", equalTo(431))
                .body(not(containsString("hhhh")))
                .body(not(containsString("X-Padding")));
    }

    @Test
    void requests_within_the_limits_reach_the_service() {
        given().when().get("/probe/names/" + "q".repeat(3_000))
                .then().statusCode(200);
        given().header("X-Padding", "h".repeat(10_000)).when().get("/probe/orders/42")
                .then().statusCode(404).body("type", equalTo("https://hallwatch.io/problems/order-not-found"));
    }
}
