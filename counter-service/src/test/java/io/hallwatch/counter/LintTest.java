package io.hallwatch.counter;

import io.hallwatch.counter.api.counter.QueueStub;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.lint.LintChecks;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * What promtool and Spectral say about the running service: its metrics (text format 0.0.4) and its
 * OpenAPI document. A shift is played first, so that every hallwatch_* family has samples to check.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = QueueStub.class, scope = TestResourceScope.GLOBAL)
class LintTest {

    @Inject
    MutableClock clock;

    @Test
    void promtool_finds_nothing_in_the_hallwatch_metrics() {
        String branch = "LINT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String counter = "/api/v1/branches/" + branch + "/counters/C01";
        given().contentType(ContentType.JSON).body(Map.of("label", "1号台", "vip", false, "skills", List.of("PAYMENT")))
                .when().put(counter).then().statusCode(201);
        post(counter + "/sign-in", Map.of("clerkId", "lint-" + branch.toLowerCase()));
        post(counter + "/pause", Map.of("reason", "BREAK"));
        clock.advance(Duration.ofMinutes(3));
        post(counter + "/resume", null);
        QueueStub.waits(branch, "A001", "PAYMENT", clock.instant().minusSeconds(60), clock.instant());
        post(counter + "/call-next", null);
        post(counter + "/service/start", null);
        clock.advance(Duration.ofSeconds(90));
        post(counter + "/service/finish", Map.of("outcome", "COMPLETED"));

        LintChecks.assertPromtoolClean(given().accept("text/plain; version=0.0.4").when().get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void spectral_finds_no_error_and_every_operation_is_named_and_described() {
        LintChecks.assertSpectralClean(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    private static void post(String path, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        request.when().post(path).then().statusCode(200);
    }
}
