package io.hallwatch.marketing.metrics;

import io.hallwatch.marketing.support.Scenario;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class MarketingMetricsTest {

    @Inject
    MutableClock clock;

    @Test
    void offers_outcomes_and_the_conversion_rate_are_counted_by_branch_offer_and_pitch_form_only() {
        String branch = Scenario.branch();
        List<String> identities = new ArrayList<>();
        for (String result : List.of("ACCEPTED", "DECLINED", "NOT_PITCHED")) {
            String customer = Scenario.heavyDataUser();
            String ticket = Scenario.serve(clock, branch, "C01", "A001", "PAYMENT", customer);
            String offerId = Scenario.awaitScreen(branch, "C01", ticket).getString("offer.offerId");
            given().contentType(ContentType.JSON).body("{\"result\":\"" + result + "\"}")
                    .when().post("/api/v1/offers/" + offerId + "/outcome").then().statusCode(201);
            identities.addAll(List.of(customer, ticket, offerId));
        }
        // the gauge reads the database at most every few seconds
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/metrics").then().extract().asString()
                .contains("hallwatch_marketing_conversion_ratio{branch=\"" + branch + "\"} 0.5"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("hallwatch_marketing_offers_made_total{branch=\"" + branch + "\",offer=\"DATA-10G\",pitch_form=\"FULL\"} 3.0"))
                .body(containsString("hallwatch_marketing_offer_outcomes_total{branch=\"" + branch
                        + "\",channel=\"COUNTER\",offer=\"DATA-10G\",pitch_form=\"FULL\",result=\"DECLINED\"} 1.0"))
                .body(containsString("hallwatch_marketing_offers_accepted_total{branch=\"" + branch
                        + "\",channel=\"COUNTER\",offer=\"DATA-10G\",pitch_form=\"FULL\"} 1.0"))
                // one accepted of two pitched: NOT_PITCHED is no pitch
                .body(containsString("hallwatch_marketing_conversion_ratio{branch=\"" + branch + "\"} 0.5"))
                .extract().asString();
        for (String id : identities) {
            assertFalse(metrics.contains(id), "a metric names " + id);
        }
    }
}
