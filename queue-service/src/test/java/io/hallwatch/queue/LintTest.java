package io.hallwatch.queue;

import io.hallwatch.queue.api.Hall;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.lint.LintChecks;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;

/**
 * What promtool and Spectral say of the running service: its {@code /q/metrics} (text format 0.0.4,
 * after a ticket was issued and called, so that every labelled family has a series) and its
 * {@code /q/openapi}. Both documents are also left in {@code target/} for a look by hand.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class LintTest {

    @Inject
    MutableClock clock;

    @Test
    void promtool_finds_nothing_in_the_hallwatch_metrics() throws IOException {
        clock.set(Hall.MORNING);
        Hall hall = Hall.open();
        hall.issued("PAYMENT", null);
        hall.callNext("C01", false, "PAYMENT").statusCode(200);
        String metrics = given().noFilters().accept("text/plain; version=0.0.4").when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target/metrics.txt"), metrics);
        LintChecks.assertPromtoolClean(metrics);
    }

    @Test
    void spectral_finds_no_error_in_the_openapi_document() throws IOException {
        String openApi = given().noFilters().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target/openapi.json"), openApi);
        LintChecks.assertSpectralClean(openApi);
    }
}
