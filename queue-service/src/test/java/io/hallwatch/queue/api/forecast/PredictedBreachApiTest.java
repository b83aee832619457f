package io.hallwatch.queue.api.forecast;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.queue.api.Hall;
import io.hallwatch.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One counter for payments, 150 s a customer (the 2-minute mean before any was seen, a 30 s walk-up):
 * the 8th customer is told 17.5 minutes, past the 15-minute limit; the 10th 22.5 minutes, and a
 * neighbour 10 minutes away with nobody waiting (one minute there) is 11.5 minutes sooner.
 */
@QuarkusTest
class PredictedBreachApiTest {
    @Inject
    MutableClock clock;

    @BeforeEach
    void morning() {
        clock.set(Hall.MORNING);
    }

    private static void neighbours(Hall hall, Map<String, Integer> travel) {
        given().contentType(ContentType.JSON)
                .body(Map.of("neighbours", travel.entrySet().stream().map(e -> Map.of("branchId", e.getKey(), "travelMinutes", e.getValue())).toList()))
                .when().put("/api/v1/branches/" + hall.branchId + "/neighbours").then().statusCode(200);
    }

    @Test
    void a_customer_told_a_wait_past_the_limit_is_offered_the_other_channels_and_a_branch_ten_minutes_sooner() {
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        Hall near = Hall.open("PAYMENT");
        Hall far = Hall.open("PAYMENT");
        Hall other = Hall.open("GENERAL"); // does not do payments
        neighbours(hall, Map.of(near.branchId, 10, far.branchId, 15, other.branchId, 1));
        hall.callNext("C01", false, "PAYMENT").statusCode(204);

        for (int i = 1; i <= 7; i++) {
            hall.issue("PAYMENT", null).statusCode(201).body("breachPredicted", equalTo(false)).body("predictedBreach", nullValue());
        }
        // 8th: 7 ahead, 1050 s. Past the limit: the channels, but no branch 10 minutes sooner (near: 1 + 10 = 11 min).
        hall.issue("PAYMENT", null).statusCode(201)
                .body("breachPredicted", equalTo(true))
                .body("predictedBreach.estimatedWaitMinutes", equalTo(18)).body("predictedBreach.waitLimitMinutes", equalTo(15))
                .body("predictedBreach.otherChannels.code", contains("SELF_SERVICE_MACHINE", "ONLINE_HALL"))
                .body("predictedBreach.nearbyBranches", hasSize(0));
        hall.issued("PAYMENT", null);
        // 10th: 9 ahead, 1350 s = 22.5 min; near is 11 min away all told (offered), far 16 (only 6.5 sooner).
        String tenth = hall.issue("PAYMENT", null).statusCode(201)
                .body("predictedBreach.nearbyBranches", hasSize(1))
                .body("predictedBreach.nearbyBranches[0].branchId", equalTo(near.branchId))
                .body("predictedBreach.nearbyBranches[0].estimatedWaitMinutes", equalTo(1))
                .body("predictedBreach.nearbyBranches[0].travelMinutes", equalTo(10))
                .extract().path("ticketId");
        // Kept on the ticket and told the monitor; the advice itself is the kiosk's moment only.
        Hall.ticket(tenth).statusCode(200).body("breachPredicted", equalTo(true)).body("predictedBreach", nullValue());
        List<CloudEvent<?>> events = Hall.events(tenth, 1);
        TicketIssued issued = (TicketIssued) events.get(0).data();
        assertEquals(Boolean.TRUE, issued.breachPredicted());
        assertEquals(1350L, issued.estimatedWaitSeconds());
    }

    @Test
    void the_neighbour_list_is_replaced_whole_and_a_bad_one_changes_nothing() {
        Hall hall = Hall.open("PAYMENT");
        Hall a = Hall.open("PAYMENT");
        Hall b = Hall.open("PAYMENT");
        neighbours(hall, Map.of(b.branchId, 20, a.branchId, 5));
        given().when().get("/api/v1/branches/" + hall.branchId + "/neighbours").then().statusCode(200)
                .body("neighbours.branchId", contains(a.branchId, b.branchId)).body("neighbours.travelMinutes", contains(5, 20));
        for (String body : List.of(
                "{\"neighbours\":[{\"branchId\":\"" + hall.branchId + "\",\"travelMinutes\":5}]}",
                "{\"neighbours\":[{\"branchId\":\"NO-SUCH-HALL\",\"travelMinutes\":5}]}",
                "{\"neighbours\":[{\"branchId\":\"" + a.branchId + "\",\"travelMinutes\":5},{\"branchId\":\"" + a.branchId + "\",\"travelMinutes\":6}]}")) {
            given().contentType(ContentType.JSON).body(body).when().put("/api/v1/branches/" + hall.branchId + "/neighbours")
                    .then().statusCode(422).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"neighbours\":[{\"branchId\":\"" + a.branchId + "\",\"travelMinutes\":0}]}")
                .when().put("/api/v1/branches/" + hall.branchId + "/neighbours").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/branches/" + hall.branchId + "/neighbours").then().statusCode(200).body("neighbours", hasSize(2));
        given().when().get("/api/v1/branches/NO-SUCH-HALL/neighbours").then().statusCode(404);
    }
}
