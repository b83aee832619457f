package io.hallwatch.queue.api.staffing;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.StaffingShortfallForecast;
import io.hallwatch.events.Topics;
import io.hallwatch.queue.api.Hall;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class StaffingApiTest {
    /** Tuesday 10:00 in Shanghai, a week before {@link Hall#MORNING}. */
    private static final Instant WEEK_BEFORE = Hall.MORNING.minus(Duration.ofDays(7));

    @Inject
    MutableClock clock;
    @Inject
    Db db;

    @BeforeEach
    void morning() {
        clock.set(Hall.MORNING);
    }

    @Test
    void last_weeks_same_hour_forecasts_the_arrivals_and_erlang_c_the_counters_against_those_open() {
        Hall hall = Hall.open("PAYMENT", "NEW_LINE", "GENERAL");
        clock.set(WEEK_BEFORE);
        for (int i = 0; i < 6; i++) {
            hall.issued("PAYMENT", null);
        }
        hall.issued("NEW_LINE", null);
        hall.issued("NEW_LINE", null);
        clock.set(WEEK_BEFORE.plus(Duration.ofHours(1)));
        for (int i = 0; i < 40; i++) {
            hall.issued("NEW_LINE", null); // a rush at 11:00: 40 new lines of 8 minutes, 5.3 Erlangs
        }
        clock.set(Hall.MORNING);
        // One counter open (last week's customers still wait: the day's end is not this test's business).
        hall.callNext("C01", false, "GENERAL").statusCode(204);
        // 08:00-20:00: twelve hours. 10:00: 6 payments (120 s) and 2 new lines (480 s): 210 s, 0.47 Erlangs, one counter.
        given().when().get("/api/v1/branches/" + hall.branchId + "/staffing?date=2026-11-24").then().statusCode(200)
                .body("waitLimitSeconds", equalTo(900)).body("countersOpenNow", equalTo(1))
                .body("hours", hasSize(12))
                .body("hours[2].hour", equalTo("10:00:00"))
                .body("hours[2].source", equalTo("HISTORY"))
                .body("hours[2].arrivalsExpected", equalTo(8.0f))
                .body("hours[2].meanHandlingSeconds", equalTo(210.0f))
                .body("hours[2].countersNeeded", equalTo(1))
                .body("hours[2].understaffed", equalTo(false))
                .body("hours[3].arrivalsExpected", equalTo(40.0f))
                .body("hours[3].countersNeeded", equalTo(7))
                .body("hours[3].understaffed", equalTo(true))
                .body("hours[3].shareOverLimitWithOpen", equalTo(1.0f))
                .body("hours[0].arrivalsExpected", equalTo(0.0f))
                .body("hours[0].countersNeeded", equalTo(0));
        // The gauges every branch gets (recomputed every second in tests): 10:00 needs one, 11:00 seven.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(containsString("hallwatch_staffing_counters_needed{branch=\"" + hall.branchId + "\",hour=\"current\"} 1.0"))
                .body(containsString("hallwatch_staffing_counters_needed{branch=\"" + hall.branchId + "\",hour=\"next\"} 7.0"))
                .body(containsString("hallwatch_staffing_counters_open{branch=\"" + hall.branchId + "\"} 1.0"))
                .body(containsString("hallwatch_staffing_next_hour_understaffed{branch=\"" + hall.branchId + "\"} 1.0")));
        // The duty manager is told once about 11:00 (the monitor pages), whatever the refreshes since.
        String subject = hall.branchId + "/staffing/2026-11-24T03:00:00Z";
        StaffingShortfallForecast told = (StaffingShortfallForecast) KafkaTestClient.eventsAbout(Topics.TICKETS, subject, 1).get(0).data();
        assertEquals(7, told.countersNeeded());
        assertEquals(1, told.countersOpen());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> db.count(
                "SELECT count(*) FROM staffing_shortfall_told WHERE branch_id = ? AND hour_starts_at = ?", hall.branchId,
                Instant.parse("2026-11-24T03:00:00Z")) == 1);
        assertEquals(1, KafkaTestClient.eventsAbout(Topics.TICKETS, subject, 1).size());
    }

    @Test
    void without_history_today_runs_at_the_last_hours_rate_and_bad_input_is_a_problem() {
        Hall hall = Hall.open("PAYMENT");
        clock.set(Hall.MORNING.minus(Duration.ofMinutes(30)));
        hall.issued("PAYMENT", null);
        hall.issued("PAYMENT", null);
        clock.set(Hall.MORNING);
        hall.issued("PAYMENT", null);
        given().when().get("/api/v1/branches/" + hall.branchId + "/staffing").then().statusCode(200)
                .body("date", equalTo("2026-11-24"))
                .body("hours[5].source", equalTo("LIVE_RATE"))
                .body("hours[5].arrivalsExpected", equalTo(3.0f))
                .body("hours[5].countersOpen", equalTo(0))
                .body("hours[5].understaffed", equalTo(true));
        given().when().get("/api/v1/branches/" + hall.branchId + "/staffing?date=2026-13-01").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/v1/branches/NO-SUCH/staffing").then().statusCode(404).contentType("application/problem+json");
    }
}
