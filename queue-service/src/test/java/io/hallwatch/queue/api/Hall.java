package io.hallwatch.queue.api;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A fresh branch per test (shared by the api tests of every feature), and the calls a kiosk and a counter make, so tests read as a hall's day. */
public final class Hall {
    /** 10:00 in Shanghai: every test hall is open. */
    public static final Instant MORNING = Instant.parse("2026-11-24T02:00:00Z");
    public static final List<String> ALL_TYPES =
            List.of("PAYMENT", "GENERAL", "NEW_LINE", "BROADBAND", "SIM", "CLOSE_ACCOUNT", "COMPLAINT", "CONSULT");

    public final String branchId;

    private Hall(String branchId) {
        this.branchId = branchId;
    }

    /** A new branch open 08:00–20:00 Shanghai time, offering the given types (all by default). */
    public static Hall open(String... types) {
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "测试营业厅", "timeZone", "Asia/Shanghai", "opensAt", "08:00", "closesAt", "20:00",
                        "businessTypes", types.length == 0 ? ALL_TYPES : List.of(types)))
                .when().put("/api/v1/branches/" + id).then().statusCode(201);
        return new Hall(id);
    }

    public ValidatableResponse issue(String type, String tier) {
        return given().contentType(ContentType.JSON)
                .body(tier == null ? Map.of("businessType", type) : Map.of("businessType", type, "tier", tier))
                .when().post("/api/v1/branches/" + branchId + "/tickets").then();
    }

    public String issued(String type, String tier) {
        return issue(type, tier).statusCode(201).extract().path("ticketId");
    }

    public ValidatableResponse callNext(String counterId, boolean vip, String... types) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("counterId", counterId, "clerkId", "clerk-" + counterId, "businessTypes", List.of(types),
                        "vipCounter", vip))
                .when().post("/api/v1/branches/" + branchId + "/queue/call-next").then();
    }

    /** A call-next as the counter-service sends it for one click, with that click's idempotency key. */
    public ValidatableResponse callNextOnce(String counterId, String idempotencyKey, String... types) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(Map.of("counterId", counterId, "clerkId", "clerk-" + counterId, "businessTypes", List.of(types),
                        "vipCounter", false))
                .when().post("/api/v1/branches/" + branchId + "/queue/call-next").then();
    }

    public static ValidatableResponse act(String ticketId, String action) {
        return given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/tickets/" + ticketId + "/" + action).then();
    }

    public static ValidatableResponse ticket(String ticketId) {
        return given().when().get("/api/v1/tickets/" + ticketId).then();
    }

    /** The events about one ticket on the tickets topic, in order, once {@code count} have arrived. */
    public static List<CloudEvent<?>> events(String ticketId, int count) {
        return KafkaTestClient.eventsAbout(Topics.TICKETS, ticketId, count);
    }
}
