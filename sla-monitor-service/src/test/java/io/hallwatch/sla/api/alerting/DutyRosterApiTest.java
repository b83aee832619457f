package io.hallwatch.sla.api.alerting;

import io.hallwatch.sla.domain.alerting.Rosters;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class DutyRosterApiTest {
    private static final String ROSTER = "/api/v1/branches/{b}/duty-roster";

    @Test
    void a_roster_is_stored_and_shown_with_masked_numbers() {
        String put = given().contentType(ContentType.JSON).body(Rosters.body(Rosters.weekdays())).put(ROSTER, "ROSTER-1")
                .then().statusCode(200)
                .body("branchId", equalTo("ROSTER-1"))
                .body("shifts[0].managers[0].channels[0].address", equalTo("138****5678"))
                .body("escalation.regionalManager.channels[0].address", equalTo("+86137****1111"))
                .extract().asString();
        int revision = io.restassured.path.json.JsonPath.from(put).getInt("revision");
        String got = given().get(ROSTER, "ROSTER-1").then().statusCode(200)
                .body("shifts[1].from", equalTo("13:00"))
                .body("shifts[0].managers[0].channels[1].address", equalTo("wang.li"))
                .body("escalation.areaManager.staffId", equalTo("area-1"))
                .extract().asString();
        for (String raw : List.of("13812345678", "13987654321", "13700001111")) {
            org.junit.jupiter.api.Assertions.assertFalse(put.contains(raw) || got.contains(raw), "unmasked number in output");
        }
        given().contentType(ContentType.JSON).body(Rosters.body(Rosters.weekdays())).put(ROSTER, "ROSTER-1")
                .then().statusCode(200).body("revision", equalTo(revision + 1));
    }

    @Test
    void an_invalid_roster_is_a_problem_naming_each_field_and_no_number() {
        Map<String, Object> bad = Map.of("shifts", List.of(Map.of("days", List.of("FUNDAY"), "from", "9am", "to", "18:00",
                "managers", List.of(Map.of("staffId", "dm", "channels", List.of(Map.of("type", "SMS", "address", "12345678")))))));
        given().contentType(ContentType.JSON).body(bad).put(ROSTER, "ROSTER-2").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("shifts[0].days"))
                .body("detail", containsString("shifts[0].from"))
                .body("detail", containsString("shifts[0].managers[0].channels[0].address"))
                .body("detail", containsString("escalation: required"))
                .body("detail", not(containsString("12345678")));
        given().get(ROSTER, "ROSTER-2").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknown_fields_and_bad_branch_ids_are_problems() {
        Map<String, Object> body = new java.util.HashMap<>(Rosters.body(Rosters.weekdays()));
        body.put("pager", "x");
        given().contentType(ContentType.JSON).body(body).put(ROSTER, "ROSTER-3").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Rosters.body(Rosters.weekdays())).put(ROSTER, "bad branch!")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
