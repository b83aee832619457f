package io.hallwatch.common.problem;

import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found by the reliability suite's fuzzer: an over-long URL or header block got a bare 414/431
 * with an empty body from the HTTP codec, before any Hallwatch code ran.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class OversizedRequestsTest {

    @TestHTTPResource("/")
    URL base;

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
    void over_http2_a_30_kb_url_is_the_same_problem() throws Exception {
        // Found by the reliability fuzzer: Java's HttpClient upgrades plain http to h2c, where the
        // path is one of the headers and the codec's header list limit (20 KB) answered a bare 431.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // The first request is the HTTP/1.1 upgrade; the second travels in HTTP/2 frames.
        http.send(HttpRequest.newBuilder(URI.create(base.toString() + "q/health/live")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString() + "probe/names/" + "q".repeat(30_000)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(414, response.statusCode(), response.version() + " " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("none"));
        assertTrue(response.body().contains("uri-too-long"), response.body());
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
