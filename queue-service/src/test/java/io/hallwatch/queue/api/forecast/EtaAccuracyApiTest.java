package io.hallwatch.queue.api.forecast;

import io.hallwatch.queue.api.Hall;
import io.hallwatch.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A counter shared by GENERAL and PAYMENT, three GENERAL customers ahead of one PAYMENT customer:
 * the forecast plays the shared counter forward and tells the PAYMENT customer 16.5 minutes, the
 * earlier formula (nobody of the same type ahead) one minute. Then the day's accuracy report holds
 * both against the waits they really had.
 */
@QuarkusTest
class EtaAccuracyApiTest {
    @Inject
    MutableClock clock;

    @BeforeEach
    void morning() {
        clock.set(Hall.MORNING);
    }

    @Test
    void the_forecast_sees_the_shared_counter_and_the_report_compares_both_estimators_with_the_waits() {
        Instant t0 = Hall.MORNING;
        Hall hall = Hall.open("PAYMENT", "GENERAL");
        hall.callNext("C01", false, "PAYMENT", "GENERAL").statusCode(204); // open, nobody waits yet
        String g1 = hall.issued("GENERAL", null);
        clock.set(t0.plusSeconds(1));
        String g2 = hall.issued("GENERAL", null);
        clock.set(t0.plusSeconds(2));
        String g3 = hall.issued("GENERAL", null);
        clock.set(t0.plusSeconds(3));
        // GENERAL 300 s each (the standard's limit, before any service was seen) plus a 30 s walk-up.
        String p1 = hall.issue("PAYMENT", null).statusCode(201).body("estimatedWaitMinutes", equalTo(17)).extract().path("ticketId");

        for (int i = 0; i < 4; i++) {
            clock.set(t0.plusSeconds(3 + 330L * i));
            hall.callNext("C01", false, "PAYMENT", "GENERAL").statusCode(200)
                    .body("ticketId", equalTo(new String[]{g1, g2, g3, p1}[i]));
        }
        // Told at issue 0, 330, 660, 990 s; waited 3, 332, 661, 990 s. The formula told 150, 450, 750 and 60 s.
        given().when().get("/api/v1/branches/" + hall.branchId + "/eta-accuracy?date=2026-11-24").then().statusCode(200)
                .body("toleranceSeconds", equalTo(180))
                .body("total.forecast.called", equalTo(4))
                .body("total.forecast.meanAbsoluteErrorSeconds", equalTo(1.5f))
                .body("total.forecast.withinToleranceShare", equalTo(1.0f))
                .body("total.forecast.biasSeconds", equalTo(1.5f))
                .body("total.basic.called", equalTo(4))
                .body("total.basic.meanAbsoluteErrorSeconds", equalTo(321.0f))
                .body("total.basic.withinToleranceShare", equalTo(0.75f))
                .body("total.basic.biasSeconds", equalTo(144.0f))
                .body("fewerThan30Ahead.forecast.called", equalTo(4))
                .body("businessTypes", hasSize(2))
                .body("businessTypes[1].businessType", equalTo("PAYMENT"))
                .body("businessTypes[1].basic.meanAbsoluteErrorSeconds", equalTo(930.0f));
    }

    @Test
    void a_day_nobody_was_called_is_empty_and_bad_input_is_a_problem() {
        Hall hall = Hall.open("PAYMENT");
        hall.issued("PAYMENT", null);
        given().when().get("/api/v1/branches/" + hall.branchId + "/eta-accuracy").then().statusCode(200)
                .body("date", equalTo("2026-11-24")).body("total.forecast.called", equalTo(0));
        given().when().get("/api/v1/branches/" + hall.branchId + "/eta-accuracy?date=24.11.2026").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/v1/branches/NO-SUCH-BRANCH/eta-accuracy").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
