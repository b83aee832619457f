package io.hallwatch.sla.api.policy;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.Hall;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.StandardChanged;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class SlaPolicyApiTest {
    private static final String POLICIES = "/api/v1/sla-policies";

    @Inject
    MutableClock clock;
    @Inject
    Db db;

    @Test
    void the_first_version_is_the_service_standard() {
        JsonPath v1 = given().get(POLICIES + "/versions/1").then().statusCode(200).extract().jsonPath();
        assertEquals(900, v1.getInt("defaults.waitLimitSeconds"));
        assertEquals(0.8f, v1.getFloat("defaults.warningFraction"));
        assertEquals(3600, v1.getInt("branchAverage.windowSeconds"));
        assertEquals(900, v1.getInt("branchAverage.limitSeconds"));
        Map<String, Integer> handling = new java.util.HashMap<>();
        v1.getList("businessTypes", Map.class).forEach(l -> handling.put((String) l.get("businessType"), (Integer) l.get("handlingLimitSeconds")));
        assertEquals(120, handling.get("PAYMENT"));
        assertEquals(300, handling.get("GENERAL"));
        assertEquals(480, handling.get("NEW_LINE"));
        assertEquals(600, handling.get("BROADBAND"));
        given().get(POLICIES).then().statusCode(200).body("defaults.waitLimitSeconds", equalTo(900));
    }

    @Test
    void a_change_is_a_new_audited_version_that_applies_to_tickets_issued_after_it() {
        Hall hall = new Hall("POLICY", clock);
        String before = hall.issue("PAYMENT");
        await().atMost(Duration.ofSeconds(30)).until(() -> timerDue(before) != null);

        JsonPath current = given().get(POLICIES).then().statusCode(200).extract().jsonPath();
        int version = current.getInt("version");
        Map<String, Object> change = editable(current);
        List<Map<String, Object>> overrides = new ArrayList<>(current.getList("overrides"));
        overrides.add(new java.util.HashMap<>(Map.of("branchId", hall.branch, "waitLimitSeconds", 600)));
        change.put("overrides", overrides);
        change.put("basedOnVersion", version);
        change.put("changedBy", "mgr-0042");
        change.put("reason", "pilot: 10 minutes at this hall");
        clock.advance(Duration.ofSeconds(1));
        Instant changedAt = clock.instant();
        given().contentType(ContentType.JSON).body(change).put(POLICIES).then().statusCode(200)
                .body("version", equalTo(version + 1))
                .body("effectiveFrom", equalTo(changedAt.toString()))
                .body("changedBy", equalTo("mgr-0042"));
        given().get(POLICIES + "/history").then().statusCode(200)
                .body("[0].version", equalTo(version + 1))
                .body("[0].reason", equalTo("pilot: 10 minutes at this hall"))
                .body("[0].changes", hasItem("overrides[branch=" + hall.branch + ",type=*,tier=*].waitLimitSeconds: set to 600"));

        clock.advance(Duration.ofSeconds(1));
        Instant issuedAfter = clock.instant();
        String after = hall.issue("PAYMENT");
        await().atMost(Duration.ofSeconds(30)).until(() -> timerDue(after) != null);
        assertEquals(issuedAfter.plus(Duration.ofMinutes(10)), timerDue(after));
        assertEquals(600, db.count("SELECT wait_limit_seconds FROM sla_ticket WHERE ticket_id = ?", after));
        assertEquals(900, db.count("SELECT wait_limit_seconds FROM sla_ticket WHERE ticket_id = ?", before),
                "issued before the change: judged by the version it was issued under");
    }

    @Test
    void invalid_values_are_a_400_problem_naming_each_and_change_nothing() {
        JsonPath current = given().get(POLICIES).then().extract().jsonPath();
        int version = current.getInt("version");
        Map<String, Object> change = editable(current);
        change.put("basedOnVersion", version);
        change.put("changedBy", "mgr-0042");
        change.put("defaults", Map.of("waitLimitSeconds", 0, "handlingLimitSeconds", 600, "warningFraction", 1.5));
        change.put("overrides", List.of(Map.of("businessType", "PAYMENT", "waitLimitSeconds", 60)));
        given().contentType(ContentType.JSON).body(change).put(POLICIES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/invalid-sla-policy"))
                .body("detail", containsString("defaults.waitLimitSeconds: must be between 1 and 86400 seconds"))
                .body("detail", containsString("defaults.warningFraction"))
                .body("detail", containsString("overrides[0]: must select a branchId or a customerTier"));
        given().get(POLICIES).then().body("version", equalTo(version));

        change.remove("changedBy");
        change.put("defaults", current.getMap("defaults"));
        change.put("overrides", current.getList("overrides"));
        given().contentType(ContentType.JSON).body(change).put(POLICIES).then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("changedBy: required"));
    }

    @Test
    void a_change_based_on_an_old_version_is_a_conflict() {
        JsonPath current = given().get(POLICIES).then().extract().jsonPath();
        Map<String, Object> change = editable(current);
        change.put("basedOnVersion", current.getInt("version") - 1);
        change.put("changedBy", "mgr-0042");
        given().contentType(ContentType.JSON).body(change).put(POLICIES).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/sla-policy-version-conflict"));
    }

    @Test
    void malformed_bodies_unknown_fields_and_bad_versions_are_400_or_404_problems_never_500() {
        given().contentType(ContentType.JSON).body("{\"basedOnVersion\": ").put(POLICIES).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("basedOnVersion", 1, "waitLimitSecond", 5)).put(POLICIES).then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("\"text\"").put(POLICIES).then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("null").put(POLICIES).then().statusCode(400).contentType("application/problem+json");
        given().get(POLICIES + "/versions/abc").then().statusCode(400).contentType("application/problem+json");
        given().get(POLICIES + "/versions/99999").then().statusCode(404).contentType("application/problem+json");
    }

    private Instant timerDue(String ticket) {
        return db.one("SELECT due_at FROM sla_timer WHERE ticket_id = ? AND kind = 'WAIT_BREACH'", rs -> Db.instant(rs, "due_at"), ticket)
                .orElse(null);
    }

    @Test
    void a_change_is_published_on_the_standard_topic_and_moves_the_limit_metrics() {
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("rule=\"handling\",business_type=\"PAYMENT\"") == 120.0);
        int published = putPaymentHandling(150, "payments with the new bill printer");
        List<StandardChanged> versions = KafkaTestClient.readUntil(Topics.STANDARD, Duration.ofSeconds(30),
                        records -> standardVersions(records).contains(published)).stream()
                .map(r -> (StandardChanged) EventCodec.fromBytes(r.value()).data()).toList();
        StandardChanged change = versions.stream().filter(v -> v.version() == published).findFirst().orElseThrow();
        assertEquals("mgr-0042", change.changedBy());
        assertEquals(150, change.standard().businessTypes().stream().filter(t -> t.businessType().equals("PAYMENT"))
                .findFirst().orElseThrow().handlingLimitSeconds());
        assertEquals(List.of("businessTypes[PAYMENT].handlingLimitSeconds: 120 -> 150"), change.changes());
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> metric("rule=\"handling\",business_type=\"PAYMENT\"") == 150.0);
            assertEquals(900.0, metric("rule=\"wait\",business_type=\"PAYMENT\""));
            assertEquals(published, (int) metric("hallwatch_sla_standard_version"));
        } finally {
            putPaymentHandling(120, "back to the standard");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> metric("rule=\"handling\",business_type=\"PAYMENT\"") == 120.0);
    }

    private static int putPaymentHandling(int seconds, String reason) {
        JsonPath current = given().get(POLICIES).then().statusCode(200).extract().jsonPath();
        Map<String, Object> change = editable(current);
        List<Map<String, Object>> types = new ArrayList<>();
        for (Map<String, Object> line : current.<Map<String, Object>>getList("businessTypes")) {
            Map<String, Object> copy = new java.util.HashMap<>(line);
            if ("PAYMENT".equals(copy.get("businessType"))) {
                copy.put("handlingLimitSeconds", seconds);
            }
            types.add(copy);
        }
        change.put("businessTypes", types);
        change.put("basedOnVersion", current.getInt("version"));
        change.put("changedBy", "mgr-0042");
        change.put("reason", reason);
        return given().contentType(ContentType.JSON).body(change).put(POLICIES).then().statusCode(200)
                .extract().jsonPath().getInt("version");
    }

    private static List<Integer> standardVersions(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventCodec.fromBytes(r.value()).data())
                .filter(StandardChanged.class::isInstance).map(d -> ((StandardChanged) d).version()).toList();
    }

    /** A value on /q/metrics: a series named in full, or hallwatch_sla_limit_seconds with these labels. */
    private static double metric(String series) {
        String name = series.startsWith("hallwatch_") ? series : "hallwatch_sla_limit_seconds{" + series + "}";
        String text = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200).extract().asString();
        // The text format 0.0.4 may close a label set with a trailing comma.
        return text.lines().map(l -> l.replace(",}", "}")).filter(l -> l.startsWith(name + " "))
                .map(l -> Double.parseDouble(l.substring(name.length() + 1))).findFirst().orElse(Double.NaN);
    }

    private static Map<String, Object> editable(JsonPath current) {
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("defaults", current.getMap("defaults"));
        change.put("branchAverage", current.getMap("branchAverage"));
        change.put("businessTypes", current.getList("businessTypes"));
        change.put("overrides", current.getList("overrides"));
        return change;
    }
}
