package io.hallwatch.marketing.support;

import io.hallwatch.testsupport.MutableClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The steps tests take as the CRM, the kiosk and the counter would. */
public final class Scenario {
    private Scenario() {
    }

    public static String branch() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Imports one profile; {@code $REF} in the JSON becomes a fresh customer reference, returned. */
    public static String importProfile(String json) {
        String ref = "R-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("[" + json.replace("$REF", ref) + "]")
                .when().post("/api/v1/customers/import").then().statusCode(200);
        return ref;
    }

    public static String heavyDataUser() {
        return importProfile("{\"customerRef\":\"$REF\",\"spendBand\":\"LOW\",\"dataUsedMb\":9500,\"dataAllowanceMb\":10000,\"hasBroadband\":true}");
    }

    /** Issues, calls and starts serving one customer at {@code counter}; returns the ticket id. */
    public static String serve(MutableClock clock, String branch, String counter, String number, String businessType,
                               String customerRef) {
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, number, businessType, issued, customerRef);
        Instant called = clock.advance(Duration.ofMinutes(3));
        Events.called(branch, ticket, number, businessType, issued, called, counter);
        Events.started(branch, ticket, number, businessType, counter, clock.advance(Duration.ofSeconds(30)));
        return ticket;
    }

    public static String screenPath(String branch, String counter) {
        return "/api/v1/branches/" + branch + "/counters/" + counter + "/recommendation";
    }

    /** Waits until the counter screen shows the customer with {@code ticket}, and returns it. */
    public static JsonPath awaitScreen(String branch, String counter, String ticket) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().when().get(screenPath(branch, counter)).then().extract();
            return response.statusCode() == 200 && ticket.equals(response.jsonPath().getString("ticketId"));
        });
        return given().when().get(screenPath(branch, counter)).then().statusCode(200).extract().jsonPath();
    }
}
