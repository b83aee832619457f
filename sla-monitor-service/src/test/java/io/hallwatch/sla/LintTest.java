package io.hallwatch.sla;

import io.hallwatch.sla.client.alerting.ChannelStub;
import io.hallwatch.sla.domain.alerting.ChannelType;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.metrics.AlertingMetrics;
import io.hallwatch.sla.metrics.SlaMetrics;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.lint.LintChecks;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What promtool and Spectral say about the running service's metrics and OpenAPI document. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStub.class, scope = TestResourceScope.GLOBAL)
class LintTest {
    @Inject
    SlaMetrics sla;
    @Inject
    AlertingMetrics alerting;

    @Test
    void promtool_finds_nothing_in_the_hallwatch_metrics() {
        // Every family with a sample, whichever tests ran before: a meter shows in the scrape only once used.
        String branch = "LINT-" + UUID.randomUUID().toString().substring(0, 8);
        sla.finding(SlaKind.WAIT_BREACH, branch, "GENERAL", Duration.ofMillis(300));
        sla.waitObserved(branch, "GENERAL", Duration.ofMinutes(3));
        sla.handlingObserved(branch, "GENERAL", Duration.ofMinutes(4));
        sla.branch(branch).set(1, Duration.ofMinutes(2), Duration.ofMinutes(3));
        alerting.attempt(ChannelType.SMS, branch, "sent");
        alerting.firstDelivery(branch, Duration.ofMillis(40));
        alerting.acknowledged(branch, Duration.ofMinutes(1));
        alerting.escalated(branch);
        alerting.unrouted(branch);
        String metrics = given().noFilters().header("Accept", "text/plain; version=0.0.4").get("/q/metrics")
                .then().statusCode(200).extract().asString();
        for (String family : new String[]{"hallwatch_sla_breaches_total", "hallwatch_sla_wait_seconds_bucket",
                "hallwatch_sla_handling_seconds_bucket", "hallwatch_sla_waiting_now", "hallwatch_sla_oldest_wait_seconds",
                "hallwatch_sla_branch_average_wait_seconds", "hallwatch_sla_detection_delay_seconds_bucket",
                "hallwatch_alert_notifications_total", "hallwatch_alert_breach_to_first_delivery_seconds_bucket",
                "hallwatch_alert_time_to_acknowledge_seconds_count", "hallwatch_alert_escalations_total",
                "hallwatch_alert_unrouted_total"}) {
            assertTrue(metrics.contains(family + "{"), family + " is in the scrape");
        }
        LintChecks.assertPromtoolClean(metrics);
    }

    @Test
    void spectral_finds_no_error_and_every_operation_is_named_and_described() {
        String openApi = given().noFilters().header("Accept", "application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        LintChecks.assertSpectralClean(openApi);
    }
}
