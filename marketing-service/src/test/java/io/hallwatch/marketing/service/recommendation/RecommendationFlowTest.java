package io.hallwatch.marketing.service.recommendation;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.OfferRecommended;
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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** From the service-start event on the real broker to what the counter screen shows and the event it publishes. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class RecommendationFlowTest {

    @Inject
    MutableClock clock;
    @Inject
    AgroalDataSource dataSource;

    static String branch() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String importProfile(String json) {
        String ref = "R-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("[" + json.replace("$REF", ref) + "]")
                .when().post("/api/v1/customers/import").then().statusCode(200);
        return ref;
    }

    static String heavyDataUser() {
        return importProfile("{\"customerRef\":\"$REF\",\"spendBand\":\"LOW\",\"dataUsedMb\":9500,\"dataAllowanceMb\":10000,\"hasBroadband\":true}");
    }

    static JsonPath awaitScreen(String branch, String counter) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().when().get(screenPath(branch, counter)).then().extract().statusCode() == 200);
        return given().when().get(screenPath(branch, counter)).then().statusCode(200).extract().jsonPath();
    }

    static String screenPath(String branch, String counter) {
        return "/api/v1/branches/" + branch + "/counters/" + counter + "/recommendation";
    }

    void awaitWaiting(String branch, int waiting) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().when().get("/api/v1/branches/" + branch + "/load").then().extract().jsonPath().getInt("waiting") == waiting);
    }

    void awaitRecommendationRows(String ticket, long rows) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count(dataSource, "SELECT count(*) FROM recommendation WHERE ticket_id = ?", ticket) == rows);
    }

    /** Issues, calls and starts serving one customer at {@code counter}; returns the ticket id. */
    String serve(String branch, String counter, String number, String businessType, String customerRef) {
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, number, businessType, issued, customerRef);
        Instant called = clock.advance(Duration.ofMinutes(3));
        Events.called(branch, ticket, number, businessType, issued, called, counter);
        Events.started(branch, ticket, number, businessType, counter, clock.advance(Duration.ofSeconds(30)));
        return ticket;
    }

    void fillHall(String branch, int customers) {
        for (int i = 0; i < customers; i++) {
            Events.issued(branch, Events.ticketId(), String.format("B%03d", i), "GENERAL", clock.instant(), null);
        }
        awaitWaiting(branch, customers);
    }

    @Test
    void a_quiet_hall_gets_the_full_script_and_the_demo_and_the_offer_is_published() {
        String branch = branch();
        String customer = heavyDataUser();
        String ticket = serve(branch, "C01", "A001", "PAYMENT", customer);

        JsonPath screen = awaitScreen(branch, "C01");
        assertEquals(ticket, screen.getString("ticketId"));
        assertNull(screen.get("recovery"));
        assertEquals("DATA-10G", screen.getString("offer.offerCode"));
        assertEquals("FULL", screen.getString("offer.pitch.form"));
        assertEquals(120, screen.getInt("offer.pitch.timeBudgetSeconds"));
        assertNotNull(screen.getString("offer.pitch.demoStep"));
        assertEquals(0, screen.getInt("hall.waiting"));
        assertEquals(false, screen.getBoolean("hall.busy"));

        String offerId = screen.getString("offer.offerId");
        List<CloudEvent<?>> events = Events.awaitOn(Topics.MARKETING, branch, es -> es.stream()
                .anyMatch(e -> e.data() instanceof OfferRecommended r && r.recommendationId().equals(offerId)));
        OfferRecommended published = (OfferRecommended) events.stream().filter(e -> e.data() instanceof OfferRecommended)
                .findFirst().orElseThrow().data();
        assertEquals(ticket, published.ticketId());
        assertEquals("C01", published.counterId());
        assertEquals("DATA-10G", published.offerCode());
        assertEquals("FULL", published.pitchForm());
        assertEquals(120, published.pitchSeconds());
        assertEquals(ticket, events.get(0).subject());
    }

    @Test
    void the_screen_clears_when_the_service_finishes() {
        String branch = branch();
        String ticket = serve(branch, "C02", "A002", "PAYMENT", heavyDataUser());
        Instant started = clock.instant();
        awaitScreen(branch, "C02");
        Events.finished(branch, ticket, "A002", "PAYMENT", "C02", started, clock.advance(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().when().get(screenPath(branch, "C02")).then().extract().statusCode() == 204);
    }

    @Test
    void a_service_whose_finish_never_arrives_leaves_the_screen_after_the_stale_limit() {
        String branch = branch();
        serve(branch, "C10", "A010", "PAYMENT", heavyDataUser());
        awaitScreen(branch, "C10");
        clock.advance(Duration.ofHours(8).plusMinutes(1));
        given().when().get(screenPath(branch, "C10")).then().statusCode(204);
    }

    @Test
    void a_busy_hall_gets_one_sentence_and_a_budget_that_shrinks_with_the_queue() {
        String branch = branch();
        fillHall(branch, 10);
        String ticket = serve(branch, "C03", "A003", "PAYMENT", heavyDataUser());

        JsonPath screen = awaitScreen(branch, "C03");
        assertEquals(ticket, screen.getString("ticketId"));
        assertEquals("SHORT", screen.getString("offer.pitch.form"));
        assertEquals("每月加10元多10G流量，今天办今天生效。", screen.getString("offer.pitch.text"));
        assertNull(screen.get("offer.pitch.demoStep"));
        // 20 s at the threshold of 8, times 8/10 for 10 waiting
        assertEquals(16, screen.getInt("offer.pitch.timeBudgetSeconds"));
        assertEquals(10, screen.getInt("hall.waiting"));
        assertEquals(true, screen.getBoolean("hall.busy"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("hallwatch_marketing_offers_made_total{branch=\"" + branch + "\",offer=\"DATA-10G\",pitch_form=\"SHORT\"}"));
    }

    @Test
    void the_load_counts_only_customers_still_waiting() {
        String branch = branch();
        fillHall(branch, 3);
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, "A004", "GENERAL", issued, null);
        awaitWaiting(branch, 4);
        Events.called(branch, ticket, "A004", "GENERAL", issued, clock.advance(Duration.ofMinutes(1)), "C04");
        awaitWaiting(branch, 3);
        given().when().get("/api/v1/branches/" + branch + "/load").then().statusCode(200)
                .body("busy", equalTo(false)).body("busyThreshold", equalTo(8)).body("pitchForm", equalTo("FULL"));
    }

    @Test
    void a_visit_parked_back_into_the_queue_waits_again_until_it_is_called() {
        String branch = branch();
        fillHall(branch, 2);
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, "A008", "GENERAL", issued, null);
        awaitWaiting(branch, 3);
        Instant calledAt = clock.advance(Duration.ofMinutes(2));
        Events.called(branch, ticket, "A008", "GENERAL", issued, calledAt, "C02");
        Events.started(branch, ticket, "A008", "GENERAL", "C02", calledAt);
        awaitWaiting(branch, 2);
        Instant parkedAt = clock.advance(Duration.ofMinutes(3));
        Events.produce("/hallwatch/queue-service", parkedAt, new io.hallwatch.events.TicketParked(ticket, branch, "A008", "GENERAL",
                io.hallwatch.events.CustomerTier.NORMAL, parkedAt, io.hallwatch.events.ParkPosition.FRONT, "SERVING", "C02",
                "clerk-C02", 120));
        awaitWaiting(branch, 3);
        Events.called(branch, ticket, "A008", "GENERAL", issued, clock.advance(Duration.ofMinutes(5)), "C03");
        awaitWaiting(branch, 2);
    }

    @Test
    void a_customer_closed_unserved_at_the_end_of_the_day_no_longer_counts_as_waiting() {
        String branch = branch();
        fillHall(branch, 2);
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, "A007", "GENERAL", issued, null);
        awaitWaiting(branch, 3);
        Instant closedAt = clock.advance(Duration.ofMinutes(20));
        Events.produce("/hallwatch/queue-service", closedAt, new io.hallwatch.events.TicketClosed(ticket, branch, "A007", "GENERAL",
                io.hallwatch.events.CustomerTier.NORMAL, closedAt, io.hallwatch.events.TicketCloseReason.BRANCH_CLOSED, "WAITING",
                java.time.LocalDate.ofInstant(closedAt, java.time.ZoneId.of("Asia/Shanghai"))));
        awaitWaiting(branch, 2);
    }

    @Test
    void a_branch_with_its_own_threshold_is_busy_sooner() {
        String branch = "GZ-SMALL";
        String ticket = Events.ticketId();
        Events.issued(branch, ticket, "S001", "GENERAL", clock.instant(), null);
        Events.issued(branch, Events.ticketId(), "S002", "GENERAL", clock.instant(), null);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().when().get("/api/v1/branches/" + branch + "/load").then().extract().jsonPath().getBoolean("busy"));
        given().when().get("/api/v1/branches/" + branch + "/load").then().body("busyThreshold", equalTo(2));
    }

    @Test
    void a_customer_who_waited_too_long_in_a_busy_hall_gets_the_apology_and_no_pitch() {
        String branch = "GZ-RECOVERY";
        fillHallAtLeast(branch, 9);
        String customer = heavyDataUser();
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, "A005", "PAYMENT", issued, customer);
        Instant breachAt = clock.advance(Duration.ofMinutes(15));
        Events.waitBreached(branch, ticket, "A005", "PAYMENT", issued, breachAt);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count(dataSource, "SELECT count(*) FROM wait_breach WHERE ticket_id = ?", ticket) == 1);
        Instant called = clock.advance(Duration.ofMinutes(7));
        Events.called(branch, ticket, "A005", "PAYMENT", issued, called, "C05");
        Events.started(branch, ticket, "A005", "PAYMENT", "C05", clock.advance(Duration.ofSeconds(20)));

        JsonPath screen = awaitScreen(branch, "C05");
        assertEquals(ticket, screen.getString("ticketId"));
        assertEquals("DATA_GIFT", screen.getString("recovery.gesture"));
        assertEquals(22, screen.getInt("recovery.waitedMinutes"));
        assertEquals("让您久等了，非常抱歉！您等候了22分钟，超过了我们15分钟的服务承诺。赠送小额流量包。",
                screen.getString("recovery.apologyZh"));
        assertNull(screen.get("offer"));
        assertEquals("RECOVERY_FIRST", screen.getString("noOfferReason"));
        assertEquals(0, Db.count(dataSource, "SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%" + ticket + "%"));
        given().when().get("/q/metrics").then()
                .body(containsString("hallwatch_marketing_recovery_gestures_total{branch=\"GZ-RECOVERY\",gesture=\"DATA_GIFT\"}"));
    }

    @Test
    void a_breach_reported_after_the_service_started_puts_the_apology_first_and_shortens_the_pitch() {
        String branch = branch();
        String customer = heavyDataUser();
        String ticket = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, ticket, "A006", "PAYMENT", issued, customer);
        Instant called = clock.advance(Duration.ofMinutes(16));
        Events.called(branch, ticket, "A006", "PAYMENT", issued, called, "C06");
        Events.started(branch, ticket, "A006", "PAYMENT", "C06", clock.advance(Duration.ofSeconds(20)));
        JsonPath first = awaitScreen(branch, "C06");
        assertEquals("FULL", first.getString("offer.pitch.form"));
        assertNull(first.get("recovery"));

        // The monitor was late: its breach arrives while the customer is at the counter.
        Events.waitBreached(branch, ticket, "A006", "PAYMENT", issued, called);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().when().get(screenPath(branch, "C06")).then().extract().jsonPath().get("recovery") != null);
        JsonPath after = given().when().get(screenPath(branch, "C06")).then().statusCode(200).extract().jsonPath();
        assertEquals("PRIORITY_TICKET_NEXT_VISIT", after.getString("recovery.gesture"));
        assertEquals(16, after.getInt("recovery.waitedMinutes"));
        assertEquals("SHORT", after.getString("offer.pitch.form"));
        assertEquals(1, Db.count(dataSource, "SELECT count(*) FROM recommendation WHERE ticket_id = ? AND status = 'SUPERSEDED'", ticket));
        // The same offer re-advised with a shorter pitch is still one offer made to this customer.
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(1.0, metrics.lines().filter(l -> l.startsWith("hallwatch_marketing_offers_made_total{branch=\"" + branch + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum(), metrics);
    }

    @Test
    void an_opted_out_customer_sees_nothing_at_the_counter_and_nothing_is_published() {
        String branch = branch();
        String customer = importProfile("{\"customerRef\":\"$REF\",\"dataUsedMb\":9500,\"dataAllowanceMb\":10000,\"marketingOptOut\":true}");
        String ticket = serve(branch, "C07", "A007", "PAYMENT", customer);
        awaitRecommendationRows(ticket, 1);
        given().when().get(screenPath(branch, "C07")).then().statusCode(204);
        assertEquals(1, Db.count(dataSource,
                "SELECT count(*) FROM recommendation WHERE ticket_id = ? AND no_offer_reason = 'OPTED_OUT'", ticket));
        assertEquals(0, Db.count(dataSource, "SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%" + ticket + "%"));
    }

    @Test
    void a_customer_contacted_as_often_as_the_cap_allows_is_left_alone() {
        String branch = branch();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        String customer = importProfile("{\"customerRef\":\"$REF\",\"dataUsedMb\":9500,\"dataAllowanceMb\":10000,"
                + "\"lastContacts\":[\"" + today.minusDays(4) + "\",\"" + today.minusDays(14) + "\",\""
                + today.minusDays(23) + "/CRBT/DECLINED\"]}");
        String ticket = serve(branch, "C08", "A008", "PAYMENT", customer);
        awaitRecommendationRows(ticket, 1);
        given().when().get(screenPath(branch, "C08")).then().statusCode(204);
        assertEquals(1, Db.count(dataSource,
                "SELECT count(*) FROM recommendation WHERE ticket_id = ? AND no_offer_reason = 'CONTACT_CAP'", ticket));
    }

    @Test
    void a_customer_reference_that_arrives_after_the_service_started_gives_advice_for_that_customer() {
        String branch = branch();
        String member = importProfile("{\"customerRef\":\"$REF\",\"hasBroadband\":true,\"groupRef\":\"GRP-ACME\"}");
        String ticket = Events.ticketId();
        Events.started(branch, ticket, "A009", "GENERAL", "C09", clock.instant());
        JsonPath anonymous = awaitScreen(branch, "C09");
        assertEquals("CRBT", anonymous.getString("offer.offerCode"));

        Events.issued(branch, ticket, "A009", "GENERAL", clock.instant().minus(Duration.ofMinutes(4)), member);
        await().atMost(Duration.ofSeconds(30)).until(() -> "GROUP-VNET".equals(
                given().when().get(screenPath(branch, "C09")).then().extract().jsonPath().getString("offer.offerCode")));
    }

    @Test
    void a_counter_that_serves_no_one_answers_no_content_and_bad_ids_are_refused() {
        given().when().get(screenPath(branch(), "C99")).then().statusCode(204);
        given().when().get(screenPath("bad branch", "C99")).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        given().when().get("/api/v1/branches/bad%20branch/load").then().statusCode(400)
                .contentType("application/problem+json").body(not(containsString("Exception")));
    }

    private void fillHallAtLeast(String branch, int customers) {
        int now = given().when().get("/api/v1/branches/" + branch + "/load").then().extract().jsonPath().getInt("waiting");
        for (int i = now; i < customers; i++) {
            Events.issued(branch, Events.ticketId(), String.format("R%03d", i), "GENERAL", clock.instant(), null);
        }
        awaitWaiting(branch, Math.max(now, customers));
    }
}
