package io.hallwatch.marketing;

import io.hallwatch.marketing.support.Events;
import io.hallwatch.marketing.support.Scenario;
import io.hallwatch.testsupport.KafkaTestResource;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What promtool and Spectral say of the running service: its metrics, once every marketing family
 * has a sample (an offer made, its outcome, a recovery gesture, the conversion gauge), and its
 * OpenAPI document. Both are also left in target/ for a look by hand.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class LintTest {

    @Inject
    MutableClock clock;

    @Test
    void promtool_finds_nothing_in_the_marketing_metrics() throws IOException {
        String branch = Scenario.branch();
        String customer = Scenario.heavyDataUser();
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, "A001", "PAYMENT", issued, customer);
        Instant called = clock.advance(Duration.ofMinutes(16));
        Events.called(branch, ticket, "A001", "PAYMENT", issued, called, "C01");
        Events.started(branch, ticket, "A001", "PAYMENT", "C01", clock.advance(Duration.ofSeconds(20)));
        Scenario.awaitScreen(branch, "C01", ticket);
        // A late breach: the apology comes first, and the offer is advised again.
        Events.waitBreached(branch, ticket, "A001", "PAYMENT", issued, called);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(Scenario.screenPath(branch, "C01"))
                .then().extract().jsonPath().get("recovery") != null);
        String offerId = given().when().get(Scenario.screenPath(branch, "C01")).then().statusCode(200)
                .extract().jsonPath().getString("offer.offerId");
        given().contentType(ContentType.JSON).body("{\"result\":\"ACCEPTED\"}")
                .when().post("/api/v1/offers/" + offerId + "/outcome").then().statusCode(201);

        List<String> families = List.of("hallwatch_marketing_offers_made_total{branch=\"" + branch + "\"",
                "hallwatch_marketing_offer_outcomes_total{branch=\"" + branch + "\"",
                "hallwatch_marketing_offers_accepted_total{branch=\"" + branch + "\"",
                "hallwatch_marketing_recovery_gestures_total{branch=\"" + branch + "\"",
                "hallwatch_marketing_conversion_ratio{branch=\"" + branch + "\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String text = metrics();
            Files.writeString(Files.createDirectories(Path.of("target")).resolve("metrics.txt"), text);
            return families.stream().allMatch(text::contains);
        });
        String metrics = metrics();
        LintChecks.assertPromtoolClean(metrics);
    }

    @Test
    void spectral_finds_no_error_and_every_operation_is_named_and_described() throws IOException {
        String openApi = given().header("Accept", "application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("openapi.json"), openApi);
        LintChecks.assertSpectralClean(openApi);
    }

    /** The exposition in the text format promtool reads (the default, OpenMetrics, escapes quotes it rejects). */
    private static String metrics() {
        return given().header("Accept", "text/plain; version=0.0.4").when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }
}
