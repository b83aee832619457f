package io.hallwatch.marketing.api.outcome;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.OfferOutcomeRecorded;
import io.hallwatch.events.Topics;
import io.hallwatch.marketing.support.Db;
import io.hallwatch.marketing.support.Events;
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
import java.util.List;
import java.util.UUID;

import static io.hallwatch.marketing.support.Scenario.awaitScreen;
import static io.hallwatch.marketing.support.Scenario.branch;
import static io.hallwatch.marketing.support.Scenario.heavyDataUser;
import static io.hallwatch.marketing.support.Scenario.serve;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** From ServiceStarted on the broker, to the offer on the counter screen, to the outcome event on the broker. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class OutcomeFlowTest {

    @Inject
    MutableClock clock;
    @Inject
    AgroalDataSource dataSource;

    static io.restassured.response.ValidatableResponse outcome(String offerId, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/offers/" + offerId + "/outcome").then();
    }

    static OfferOutcomeRecorded awaitOutcomeEvent(String branch, java.util.function.Predicate<OfferOutcomeRecorded> match) {
        List<CloudEvent<?>> events = Events.awaitOn(Topics.MARKETING, branch, es -> es.stream()
                .anyMatch(e -> e.data() instanceof OfferOutcomeRecorded o && match.test(o)));
        return events.stream().map(CloudEvent::data).filter(d -> d instanceof OfferOutcomeRecorded)
                .map(d -> (OfferOutcomeRecorded) d).filter(match).findFirst().orElseThrow();
    }

    @Test
    void an_accepted_offer_is_published_counted_and_never_offered_to_that_customer_again() {
        String branch = branch();
        String customer = heavyDataUser();
        String ticket = serve(clock, branch, "C01", "A101", "PAYMENT", customer);
        JsonPath screen = awaitScreen(branch, "C01", ticket);
        String offerId = screen.getString("offer.offerId");
        assertEquals("DATA-10G", screen.getString("offer.offerCode"));

        outcome(offerId, "{\"result\":\"ACCEPTED\",\"reason\":\"wants it from today\"}").statusCode(201)
                .body("offerId", equalTo(offerId)).body("offerCode", equalTo("DATA-10G"))
                .body("result", equalTo("ACCEPTED")).body("followUp", nullValue());

        OfferOutcomeRecorded event = awaitOutcomeEvent(branch, o -> offerId.equals(o.recommendationId()));
        assertEquals("COUNTER", event.channel());
        assertEquals("ACCEPTED", event.result());
        assertEquals("DATA-10G", event.offerCode());
        assertEquals(ticket, event.ticketId());
        assertEquals("C01", event.counterId());
        assertEquals("FULL", event.pitchForm());
        assertNull(event.followUpId());
        assertEquals(0, Db.count(dataSource, "SELECT count(*) FROM outbox_event WHERE payload LIKE '%wants it from today%'"));

        // the terminal retries: same answer; a different outcome is a conflict
        outcome(offerId, "{\"result\":\"ACCEPTED\"}").statusCode(200).body("result", equalTo("ACCEPTED"));
        outcome(offerId, "{\"result\":\"DECLINED\"}").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/outcome-already-recorded"));
        assertEquals(1, Db.count(dataSource, "SELECT count(*) FROM customer_contact WHERE customer_ref = ? AND source = 'COUNTER'", customer));
        given().when().get("/q/metrics").then().body(containsString(
                "hallwatch_marketing_offers_accepted_total{branch=\"" + branch + "\",channel=\"COUNTER\",offer=\"DATA-10G\",pitch_form=\"FULL\"}"));

        // next visit: the data bundle is the customer's now
        String next = serve(clock, branch, "C01", "A102", "PAYMENT", customer);
        assertEquals("CRBT", awaitScreen(branch, "C01", next).getString("offer.offerCode"));
    }

    @Test
    void two_declines_retire_the_offer_for_that_customer() {
        String branch = branch();
        String customer = heavyDataUser();
        for (int visit = 1; visit <= 2; visit++) {
            String ticket = serve(clock, branch, "C02", "A20" + visit, "PAYMENT", customer);
            JsonPath screen = awaitScreen(branch, "C02", ticket);
            assertEquals("DATA-10G", screen.getString("offer.offerCode"));
            outcome(screen.getString("offer.offerId"), "{\"result\":\"DECLINED\"}").statusCode(201);
            clock.advance(Duration.ofHours(2));
        }
        String third = serve(clock, branch, "C02", "A203", "PAYMENT", customer);
        assertEquals("CRBT", awaitScreen(branch, "C02", third).getString("offer.offerCode"));
    }

    @Test
    void an_offer_not_pitched_is_no_contact() {
        String branch = branch();
        String customer = heavyDataUser();
        String ticket = serve(clock, branch, "C03", "A301", "PAYMENT", customer);
        String offerId = awaitScreen(branch, "C03", ticket).getString("offer.offerId");
        outcome(offerId, "{\"result\":\"NOT_PITCHED\",\"reason\":\"customer in a hurry\"}").statusCode(201);
        awaitOutcomeEvent(branch, o -> offerId.equals(o.recommendationId()) && "NOT_PITCHED".equals(o.result()));
        assertEquals(0, Db.count(dataSource, "SELECT count(*) FROM customer_contact WHERE customer_ref = ?", customer));
    }

    @Test
    void interest_plans_a_follow_up_that_the_branch_lists_and_closes() {
        String branch = branch();
        String customer = heavyDataUser();
        String ticket = serve(clock, branch, "C04", "A401", "PAYMENT", customer);
        String offerId = awaitScreen(branch, "C04", ticket).getString("offer.offerId");
        Instant recordedAt = clock.instant();

        JsonPath recorded = outcome(offerId, "{\"result\":\"INTERESTED\"}").statusCode(201).extract().jsonPath();
        String followUpId = recorded.getString("followUp.id");
        assertEquals(recordedAt.plus(Duration.ofDays(3)).toString(), recorded.getString("followUp.dueAt"));
        OfferOutcomeRecorded event = awaitOutcomeEvent(branch, o -> offerId.equals(o.recommendationId()));
        assertEquals("INTERESTED", event.result());
        assertEquals(followUpId, event.followUpId());

        given().when().get("/api/v1/branches/" + branch + "/follow-ups").then().statusCode(200)
                .body("id", equalTo(List.of(followUpId)))
                .body("[0].offerCode", equalTo("DATA-10G"))
                .body("[0].customerRef", equalTo(customer))
                .body("[0].source", equalTo("COUNTER"))
                .body("[0].recommendationId", equalTo(offerId))
                .body("[0].overdue", equalTo(false))
                .body("[0].status", equalTo("OPEN"));
        given().queryParam("dueBy", recordedAt.plus(Duration.ofDays(2)).toString())
                .when().get("/api/v1/branches/" + branch + "/follow-ups").then().body("id", equalTo(List.of()));

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        given().when().get("/api/v1/branches/" + branch + "/follow-ups").then().body("[0].overdue", equalTo(true));

        String close = "{\"followUpId\":\"" + followUpId + "\",\"result\":\"ACCEPTED\",\"note\":\"called back, took it\"}";
        given().contentType(ContentType.JSON).body(close).when().post("/api/v1/branches/" + branch + "/follow-ups")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("result", equalTo("ACCEPTED"))
                .body("overdue", equalTo(false)).body("note", equalTo("called back, took it"));
        OfferOutcomeRecorded closed = awaitOutcomeEvent(branch, o -> "FOLLOW_UP".equals(o.channel()));
        assertEquals("ACCEPTED", closed.result());
        assertEquals(followUpId, closed.followUpId());
        assertEquals(offerId, closed.recommendationId());
        assertEquals(ticket, closed.ticketId());

        given().contentType(ContentType.JSON).body(close).when().post("/api/v1/branches/" + branch + "/follow-ups")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(close.replace("ACCEPTED", "DECLINED"))
                .when().post("/api/v1/branches/" + branch + "/follow-ups").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://hallwatch.io/problems/follow-up-closed"));
        given().when().get("/api/v1/branches/" + branch + "/follow-ups").then().body("id", equalTo(List.of()));
        given().queryParam("status", "CLOSED").when().get("/api/v1/branches/" + branch + "/follow-ups")
                .then().body("id", hasItem(followUpId));
        // the accepted follow-up is a contact, and the offer is the customer's now
        assertEquals(1, Db.count(dataSource, "SELECT count(*) FROM customer_contact WHERE customer_ref = ? AND source = 'FOLLOW_UP' AND result = 'ACCEPTED'", customer));
    }

    @Test
    void a_follow_up_of_another_branch_is_not_found_there() {
        String branch = branch();
        String ticket = serve(clock, branch, "C05", "A501", "PAYMENT", heavyDataUser());
        String offerId = awaitScreen(branch, "C05", ticket).getString("offer.offerId");
        String followUpId = outcome(offerId, "{\"result\":\"INTERESTED\"}").statusCode(201).extract().jsonPath().getString("followUp.id");
        given().contentType(ContentType.JSON).body("{\"followUpId\":\"" + followUpId + "\",\"result\":\"DECLINED\"}")
                .when().post("/api/v1/branches/" + branch() + "/follow-ups").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void an_outcome_for_advice_without_an_offer_is_a_conflict() {
        String branch = branch();
        String customer = heavyDataUser();
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, "A601", "PAYMENT", issued, customer);
        Instant late = clock.advance(Duration.ofMinutes(15));
        Events.waitBreached(branch, ticket, "A601", "PAYMENT", issued, late);
        // a busy hall: apology, no pitch
        for (int i = 0; i < 8; i++) {
            Events.issued(branch, Events.ticketId(), String.format("B%03d", i), "GENERAL", clock.instant(), null);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                given().when().get("/api/v1/branches/" + branch + "/load").then().extract().jsonPath().getInt("waiting") == 9
                        && Db.count(dataSource, "SELECT count(*) FROM wait_breach WHERE ticket_id = ?", ticket) == 1);
        Events.called(branch, ticket, "A601", "PAYMENT", issued, clock.advance(Duration.ofMinutes(1)), "C06");
        Events.started(branch, ticket, "A601", "PAYMENT", "C06", clock.advance(Duration.ofSeconds(10)));
        JsonPath screen = awaitScreen(branch, "C06", ticket);
        assertEquals("RECOVERY_FIRST", screen.getString("noOfferReason"));
        assertNull(screen.get("offer"));
        outcome(idOf(ticket), "{\"result\":\"ACCEPTED\"}").statusCode(409)
                .body("type", equalTo("https://hallwatch.io/problems/no-offer-made"));
    }

    @Test
    void bad_outcome_requests_are_client_errors() {
        String unknown = UUID.randomUUID().toString();
        outcome(unknown, "{\"result\":\"ACCEPTED\"}").statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/offer-not-found"));
        outcome("not-a-uuid", "{\"result\":\"ACCEPTED\"}").statusCode(400).contentType("application/problem+json");
        outcome(unknown, "{}").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("result"));
        outcome(unknown, "{\"result\":\"MAYBE\"}").statusCode(400).contentType("application/problem+json");
        outcome(unknown, "{\"result\":\"INTERESTED\",\"reason\":\"call me on 13812345678\"}").statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("reason"))
                .body(not(containsString("13812345678")));
        given().queryParam("status", "SOMETIMES").when().get("/api/v1/branches/GZ-1/follow-ups").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("dueBy", "tomorrow").when().get("/api/v1/branches/GZ-1/follow-ups").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://hallwatch.io/problems/invalid-due-by"));
        given().contentType(ContentType.JSON).body("{\"followUpId\":\"nope\",\"result\":\"ACCEPTED\"}")
                .when().post("/api/v1/branches/GZ-1/follow-ups").then().statusCode(400).contentType("application/problem+json");
    }

    private String idOf(String ticket) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("SELECT id FROM recommendation WHERE ticket_id = ?")) {
            s.setString(1, ticket);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
