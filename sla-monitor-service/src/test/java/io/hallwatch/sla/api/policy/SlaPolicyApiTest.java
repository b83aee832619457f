package io.hallwatch.sla.api.policy;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.Hall;
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

    private static Map<String, Object> editable(JsonPath current) {
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("defaults", current.getMap("defaults"));
        change.put("branchAverage", current.getMap("branchAverage"));
        change.put("businessTypes", current.getList("businessTypes"));
        change.put("overrides", current.getList("overrides"));
        return change;
    }
}
