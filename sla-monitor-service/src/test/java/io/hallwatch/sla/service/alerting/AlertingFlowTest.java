package io.hallwatch.sla.service.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.common.db.Db;
import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.IdDays;
import io.hallwatch.common.retention.RetentionConfig;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventType;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.StaffingShortfallForecast;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.client.alerting.ChannelStub;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import io.hallwatch.sla.domain.alerting.Rosters;
import io.hallwatch.sla.events.alerting.AlertConsumer;
import io.hallwatch.sla.store.alerting.AlertStore;
import io.hallwatch.sla.store.retention.MonitorTables;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Breaches on the real topic, through the real database, to the local channel stand-ins. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStub.class, scope = TestResourceScope.GLOBAL)
class AlertingFlowTest {
    /** Tuesday 11:00 in Shanghai: the branch is open, dm on shift. */
    private static final Instant OPEN = Instant.parse("2026-11-24T03:00:00Z");

    @Inject
    MutableClock clock;
    @Inject
    Db db;
    @Inject
    AlertConsumer consumer;
    @Inject
    AlertDispatcher dispatcher;
    @Inject
    AlertStore store;
    @Inject
    SilenceRetention silenceRetention;
    @Inject
    DailyPartitions partitions;
    @Inject
    MonitorTables monitor;
    @Inject
    RetentionConfig retentionConfig;

    @BeforeEach
    @AfterEach
    void reset() {
        ChannelStub.reset();
    }

    private static String roster(String branch) {
        List<String> week = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        DutyRoster r = new DutyRoster(List.of(new DutyRoster.Shift(week, "09:00", "18:00", List.of(new DutyRoster.Person("dm",
                List.of(new DutyRoster.Contact("SMS", "13812345678"), new DutyRoster.Contact("WECOM", "wang.li")))))),
                new DutyRoster.Escalation(Rosters.person("area", "DINGTALK", "ding-area"), Rosters.person("region", "WEBHOOK", "region")));
        given().contentType(ContentType.JSON).body(Rosters.body(r)).put("/api/v1/branches/{b}/duty-roster", branch).then().statusCode(200);
        return branch;
    }

    private static long count(String channel, String branch) {
        return ChannelStub.received(channel).stream().filter(r -> r.body().toString().contains(branch)).count();
    }

    private void breach(String branch, String breachId, String number) {
        breach(branch, breachId, number, TimeOrderedIds.next());
    }

    /** As the monitor tells it, in an event of id {@code eventId} (the wall-clock time the alert's day is taken from). */
    private void breach(String branch, String breachId, String number, UUID eventId) {
        Instant now = clock.instant();
        SlaBreached b = new SlaBreached(breachId, branch, "t-" + breachId, number, "GENERAL", CustomerTier.NORMAL, SlaRule.WAIT,
                900, 900, now.minusSeconds(900), now, now, false, null, null);
        CloudEvent<SlaBreached> event = new CloudEvent<>(eventId, URI.create("/hallwatch/sla-monitor-service"), EventType.of(b), now,
                b.subject(), b);
        KafkaTestClient.produce(Topics.SLA, branch, EventCodec.toBytes(event));
    }

    private void understaffed(String branch, Instant hour) {
        Instant now = clock.instant();
        StaffingShortfallForecast f = new StaffingShortfallForecast(branch, hour, 5, 3, 72.4, 0.31, 900, now);
        KafkaTestClient.produce(Topics.TICKETS, branch, EventCodec.toBytes(CloudEvent.of("/hallwatch/queue-service", now, f)));
    }

    @Test
    void an_understaffed_next_hour_pages_the_duty_manager_once_and_later_breaches_join_its_group() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        Instant noon = Instant.parse("2026-11-24T04:00:00Z");
        understaffed(branch, noon);
        understaffed(branch, noon); // the same hour again, under a new event id
        await().atMost(Duration.ofSeconds(10)).until(() -> count("sms", branch) == 1);
        ChannelStub.Received page = ChannelStub.received("sms").stream().filter(r -> r.body().toString().contains(branch)).findFirst().orElseThrow();
        assertEquals("STAFFING", page.body().path("TemplateParamSet").get(1).asText());
        assertEquals("5", page.body().path("TemplateParamSet").get(2).asText(), "counters needed");
        assertEquals(1, db.count("SELECT count(*) FROM alert_breach b JOIN alert a USING (alert_id) WHERE a.branch_id = ? AND b.rule = 'STAFFING_FORECAST'", branch));
        List<String> titles = db.list("SELECT n.message->>'title' FROM alert_notification n JOIN alert a USING (alert_id) WHERE a.branch_id = ?",
                rs -> rs.getString(1), branch);
        assertEquals(List.of("Understaffed from 12:00 at " + branch), titles, "the hour in the branch's time");

        breach(branch, UUID.randomUUID().toString(), "A001");
        await().atMost(Duration.ofSeconds(5)).until(() -> db.count("SELECT count(*) FROM alert_breach b JOIN alert a USING (alert_id) WHERE a.branch_id = ?", branch) == 2);
        assertEquals(1, count("sms", branch), "the breach joins the open group: no second page inside the window");
        assertEquals(1L, db.count("SELECT count(*) FROM alert WHERE branch_id = ?", branch));
        assertEquals(List.of(), ChannelStub.REJECTED);
    }

    private String alertOf(String branch) {
        return given().get("/api/v1/alerts?branchId=" + branch).then().statusCode(200).extract().jsonPath().getString("[0].alertId");
    }

    @Test
    void a_breach_pages_the_manager_on_shift_at_once_and_further_ones_go_out_as_one_follow_up() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        String first = UUID.randomUUID().toString();
        long sentAt = System.nanoTime();
        breach(branch, first, "A001");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        ChannelStub.Received page = ChannelStub.received("sms").stream().filter(r -> r.body().toString().contains(branch)).findFirst().orElseThrow();
        long millis = (page.atNanos() - sentAt) / 1_000_000;
        System.out.println("ALERTING: breach event to first SMS in " + millis + " ms");
        assertTrue(millis < 2000, "first message after " + millis + " ms");

        breach(branch, UUID.randomUUID().toString(), "A002");
        breach(branch, UUID.randomUUID().toString(), "A003");
        breach(branch, first, "A001"); // the same breach again, under a new event id
        await().atMost(Duration.ofSeconds(5)).until(() -> db.count("SELECT count(*) FROM alert_breach b JOIN alert a USING (alert_id) WHERE a.branch_id = ?", branch) == 3);
        assertEquals(1, count("sms", branch), "nothing more inside the group window");
        clock.advance(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 2);
        String followUp = ChannelStub.received("sms").stream().filter(r -> r.body().toString().contains(branch)).toList().get(1).body()
                .path("TemplateParamSet").get(1).asText();
        assertEquals("2", followUp, "one follow-up listing the two further breaches");
        clock.advance(Duration.ofSeconds(31));
        given().get("/api/v1/alerts?branchId=" + branch + "&status=OPEN").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].breaches", equalTo(3));
        assertEquals(2, count("sms", branch));
        given().contentType(ContentType.JSON).body(Map.of("by", "dm")).post("/api/v1/alerts/{id}/ack", alertOf(branch)).then().statusCode(200);
        assertEquals(List.of(), ChannelStub.REJECTED);
    }

    @Test
    void a_failing_sms_gateway_is_retried_then_the_next_channel_is_used() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        ChannelStub.MODES.put("sms", ChannelStub.Mode.FAIL);
        breach(branch, UUID.randomUUID().toString(), "B001");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            clock.advance(Duration.ofSeconds(1));
            return count("wecom", branch) == 1;
        });
        String alertId = alertOf(branch);
        List<String> log = db.list("SELECT channel || ':' || outcome FROM alert_delivery_log WHERE notification_id LIKE ? ORDER BY id",
                rs -> rs.getString(1), alertId + "%");
        assertEquals(List.of("SMS:RETRY", "SMS:RETRY", "SMS:NEXT_CHANNEL", "WECOM:SENT"), log);
        assertEquals(0, count("sms", branch));
        given().contentType(ContentType.JSON).body(Map.of("by", "dm")).post("/api/v1/alerts/{id}/ack", alertId).then().statusCode(200);
    }

    @Test
    void no_ack_escalates_to_the_area_manager_and_an_ack_stops_it() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        breach(branch, UUID.randomUUID().toString(), "C001");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        String alertId = alertOf(branch);
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertEquals(0, count("dingtalk", branch));
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> count("dingtalk", branch) == 1);
        assertTrue(ChannelStub.received("dingtalk").stream().anyMatch(r -> r.body().toString().contains(alertId)), "references the alert");
        given().contentType(ContentType.JSON).body(Map.of("by", "area")).post("/api/v1/alerts/{id}/ack", alertId).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("ackedBy", equalTo("area")).body("level", equalTo(2));
        clock.advance(Duration.ofMinutes(10));
        given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200).body("level", equalTo(2));
        assertEquals(0, count("hook", branch));
        assertEquals(List.of(), ChannelStub.REJECTED);
    }

    @Test
    void metrics_count_by_channel_branch_and_outcome_and_never_show_a_number() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        breach(branch, UUID.randomUUID().toString(), "E001");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> count("dingtalk", branch) == 1);
        given().contentType(ContentType.JSON).body(Map.of("by", "area")).post("/api/v1/alerts/{id}/ack", alertOf(branch)).then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("hallwatch_alert_notifications_total{branch=\"" + branch + "\",channel=\"SMS\",outcome=\"sent\"} 1.0"), metrics);
        assertTrue(metrics.contains("hallwatch_alert_notifications_total{branch=\"" + branch + "\",channel=\"DINGTALK\",outcome=\"sent\"} 1.0"));
        assertTrue(metrics.contains("hallwatch_alert_escalations_total{branch=\"" + branch + "\"} 1.0"));
        assertTrue(metrics.contains("hallwatch_alert_breach_to_first_delivery_seconds_count{branch=\"" + branch + "\"}"));
        assertTrue(metrics.contains("hallwatch_alert_time_to_acknowledge_seconds_count{branch=\"" + branch + "\"} 1"));
        // No number, no contact, no label naming a person (the event type "hallwatch.staffing..." is not one).
        assertTrue(!metrics.contains("13812345678") && !metrics.contains("wang.li") && !metrics.matches("(?s).*[{,]staff[a-z_]*=.*"));
    }

    @Test
    void a_restart_mid_escalation_neither_doubles_nor_loses_a_message() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        String other = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        String breachId = UUID.randomUUID().toString();
        breach(branch, breachId, "F001");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        consumer.stop();
        dispatcher.stop();
        try {
            breach(branch, breachId, "F001"); // the same breach again while down
            breach(other, UUID.randomUUID().toString(), "G001"); // a new breach while down
            clock.advance(Duration.ofMinutes(5));
        } finally {
            consumer.start();
            dispatcher.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("dingtalk", branch) == 1 && count("sms", other) == 1);
        assertEquals(1, count("sms", branch), "the page is not sent again");
        given().contentType(ContentType.JSON).body(Map.of("by", "area")).post("/api/v1/alerts/{id}/ack", alertOf(branch)).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("by", "dm")).post("/api/v1/alerts/{id}/ack", alertOf(other)).then().statusCode(200);
        assertEquals(1, count("dingtalk", branch));
    }

    @Test
    void a_silenced_branch_is_not_paged_until_the_silence_ends() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        given().contentType(ContentType.JSON).body(Map.of("endsAt", OPEN.plusSeconds(600).toString(), "createdBy", "dm", "reason", "network down"))
                .post("/api/v1/branches/{b}/alert-silences", branch).then().statusCode(200);
        given().get("/api/v1/branches/{b}/alert-silences", branch).then().statusCode(200).body("size()", equalTo(1));
        breach(branch, UUID.randomUUID().toString(), "H001");
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/api/v1/alerts?branchId=" + branch + "&status=QUIET")
                .then().extract().jsonPath().getList("$").size() == 1);
        assertEquals(0, count("sms", branch));
        clock.advance(Duration.ofSeconds(600));
        breach(branch, UUID.randomUUID().toString(), "H002");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        given().contentType(ContentType.JSON).body(Map.of("by", "dm"))
                .post("/api/v1/alerts/{id}/ack", given().get("/api/v1/alerts?branchId=" + branch + "&status=OPEN").then().extract().jsonPath().getString("[0].alertId"))
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("endsAt", OPEN.toString(), "createdBy", "dm"))
                .post("/api/v1/branches/{b}/alert-silences", branch).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void the_signed_link_in_the_message_acknowledges_and_a_forged_or_expired_one_does_not() {
        clock.set(OPEN);
        String branch = "AL-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> week = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        DutyRoster r = new DutyRoster(List.of(new DutyRoster.Shift(week, "09:00", "18:00", List.of(Rosters.person("dm", "WECOM", "wang.li")))),
                new DutyRoster.Escalation(Rosters.person("area", "DINGTALK", "ding-area"), Rosters.person("region", "WEBHOOK", "region")));
        given().contentType(ContentType.JSON).body(Rosters.body(r)).put("/api/v1/branches/{b}/duty-roster", branch).then().statusCode(200);
        breach(branch, UUID.randomUUID().toString(), "K001");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("wecom", branch) == 1);
        String content = ChannelStub.received("wecom").stream().filter(x -> x.body().toString().contains(branch)).findFirst().orElseThrow()
                .body().path("markdown").path("content").asText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://hallwatch\\.test(/api/v1/alerts/[^)]+)").matcher(content);
        assertTrue(m.find(), content);
        String path = m.group(1);
        given().urlEncodingEnabled(false).get(path.replace("sig=", "sig=0")).then().statusCode(403).contentType("application/problem+json");
        clock.advance(Duration.ofHours(2));
        given().urlEncodingEnabled(false).get(path).then().statusCode(403);
        clock.set(OPEN.plusSeconds(60));
        given().urlEncodingEnabled(false).get(path).then().statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("ackedBy", equalTo("dm"));
        Instant ackedAt = Instant.parse(given().get("/api/v1/alerts?branchId=" + branch).then().extract().jsonPath().getString("[0].ackedAt"));
        clock.advance(Duration.ofSeconds(30));
        given().urlEncodingEnabled(false).get(path).then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("ack-link-used"))
                .body("detail", org.hamcrest.Matchers.containsString("already used"));
        given().get("/api/v1/alerts?branchId=" + branch).then().body("[0].ackedAt", equalTo(ackedAt.toString()))
                .body("[0].ackedBy", equalTo("dm"));
    }

    @Test
    void outside_opening_hours_nothing_is_sent() {
        clock.set(Instant.parse("2026-11-24T11:00:00Z")); // 19:00 in Shanghai
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        breach(branch, UUID.randomUUID().toString(), "D001");
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/api/v1/alerts?branchId=" + branch + "&status=QUIET")
                .then().extract().jsonPath().getList("$").size() == 1);
        assertEquals(0, ChannelStub.RECEIVED.stream().filter(r -> r.body().toString().contains(branch)).count());
    }

    private static String smsLink(String branch) {
        JsonNode params = ChannelStub.received("sms").stream().filter(r -> r.body().toString().contains(branch)).findFirst().orElseThrow()
                .body().path("TemplateParamSet");
        String last = params.get(params.size() - 1).asText();
        assertTrue(last.startsWith("http://hallwatch.test/api/v1/alerts/"), params.toString());
        return last.substring("http://hallwatch.test".length());
    }

    @Test
    void the_sms_carries_the_one_click_link_and_it_works_once() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        breach(branch, UUID.randomUUID().toString(), "L001");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        String path = smsLink(branch);
        given().urlEncodingEnabled(false).get(path).then().statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("ackedBy", equalTo("dm"));
        given().urlEncodingEnabled(false).get(path).then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, db.count("SELECT count(*) FROM alert_ack_token WHERE alert_id = ?", alertOf(branch)));
    }

    @Test
    void a_branch_is_quiet_outside_its_own_opening_hours_and_on_its_holidays() {
        String branch = "AL-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> all = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        Map<String, Object> body = new java.util.HashMap<>(Rosters.body(new DutyRoster(List.of(new DutyRoster.Shift(all, "07:00", "22:00",
                List.of(Rosters.person("dm", "SMS", "13812345678")))),
                new DutyRoster.Escalation(Rosters.person("area", "DINGTALK", "ding-area"), Rosters.person("region", "WEBHOOK", "region")))));
        body.put("openingHours", List.of(Map.of("days", List.of("TUESDAY", "WEDNESDAY"), "opens", "10:00", "closes", "20:00")));
        body.put("closedDates", List.of("2026-11-25"));
        given().contentType(ContentType.JSON).body(body).put("/api/v1/branches/{b}/duty-roster", branch).then().statusCode(200)
                .body("openingHours[0].opens", equalTo("10:00")).body("closedDates[0]", equalTo("2026-11-25"));

        clock.set(Instant.parse("2026-11-24T01:30:00Z")); // Tuesday 09:30: open by default, not here
        breach(branch, UUID.randomUUID().toString(), "M001");
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/api/v1/alerts?branchId=" + branch + "&status=QUIET")
                .then().extract().jsonPath().getList("$").size() == 1);
        clock.set(Instant.parse("2026-11-25T03:00:00Z")); // Wednesday 11:00, a holiday
        breach(branch, UUID.randomUUID().toString(), "M002");
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/api/v1/alerts?branchId=" + branch + "&status=QUIET")
                .then().extract().jsonPath().getList("$").size() == 2);
        assertEquals(0, count("sms", branch));
        clock.set(Instant.parse("2026-11-24T11:30:00Z")); // Tuesday 19:30: closed by default, open here
        breach(branch, UUID.randomUUID().toString(), "M003");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        given().contentType(ContentType.JSON).body(Map.of("by", "dm"))
                .post("/api/v1/alerts/{id}/ack", given().get("/api/v1/alerts?branchId=" + branch + "&status=OPEN").then().extract().jsonPath().getString("[0].alertId"))
                .then().statusCode(200);
    }

    @Test
    void a_breach_at_a_branch_without_a_roster_is_kept_unrouted_and_counted() {
        clock.set(OPEN);
        String branch = "AL-" + UUID.randomUUID().toString().substring(0, 8);
        breach(branch, UUID.randomUUID().toString(), "N001");
        breach(branch, UUID.randomUUID().toString(), "N002");
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/api/v1/alerts?branchId=" + branch + "&status=UNROUTED")
                .then().statusCode(200).extract().jsonPath().getList("$").size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/q/metrics").then().extract().asString()
                .contains("hallwatch_alert_unrouted_total{branch=\"" + branch + "\"} 2.0"));
        assertEquals(0, ChannelStub.RECEIVED.stream().filter(r -> r.body().toString().contains(branch)).count());
        assertEquals(0, db.count("SELECT count(*) FROM alert_notification n JOIN alert a USING (alert_id) WHERE a.branch_id = ?", branch));
    }

    @Test
    void no_row_lock_is_held_while_a_provider_keeps_the_sender_waiting() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        ChannelStub.MODES.put("sms", ChannelStub.Mode.HANG);
        breach(branch, UUID.randomUUID().toString(), "P001");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> ChannelStub.ATTEMPTS.contains("sms"));
        // While the SMS request hangs (500 ms timeout in the tests), the row is SENDING and not locked.
        String status = QuarkusTransaction.requiringNew().call(() -> db.one("""
                SELECT n.status FROM alert_notification n JOIN alert a USING (alert_id) WHERE a.branch_id = ? FOR UPDATE OF n NOWAIT""",
                rs -> rs.getString(1), branch).orElseThrow());
        assertEquals("SENDING", status);
        ChannelStub.MODES.remove("sms");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            clock.advance(Duration.ofSeconds(1));
            return count("sms", branch) == 1;
        });
        given().contentType(ContentType.JSON).body(Map.of("by", "dm")).post("/api/v1/alerts/{id}/ack", alertOf(branch)).then().statusCode(200);
    }

    @Test
    void a_crashed_senders_claim_runs_out_and_the_message_then_goes_out_once() {
        clock.set(OPEN);
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        dispatcher.stop();
        try {
            breach(branch, UUID.randomUUID().toString(), "Q001");
            await().atMost(Duration.ofSeconds(5)).until(() -> db.count(
                    "SELECT count(*) FROM alert_notification n JOIN alert a USING (alert_id) WHERE a.branch_id = ? AND n.status = 'PENDING'", branch) == 1);
            // Another sender claims it and dies before sending: nothing records an outcome.
            List<AlertStore.Due> claimed = QuarkusTransaction.requiringNew().call(() -> store.claimDue(clock.instant(), 100, Duration.ofMinutes(2), "crashed"));
            assertTrue(claimed.stream().anyMatch(d -> d.branchId().equals(branch)), claimed.toString());
        } finally {
            dispatcher.start();
        }
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> count("sms", branch) == 0);
        clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> db.count(
                "SELECT count(*) FROM alert_notification n JOIN alert a USING (alert_id) WHERE a.branch_id = ? AND n.status = 'SENT'", branch) == 1);
        clock.advance(Duration.ofMinutes(2));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> count("sms", branch) == 1);
        given().contentType(ContentType.JSON).body(Map.of("by", "dm")).post("/api/v1/alerts/{id}/ack", alertOf(branch)).then().statusCode(200);
    }

    @Test
    void an_alerts_day_past_the_retention_goes_whole_with_its_breaches_deliveries_and_links_and_an_ended_silence_goes() {
        // Two days ago on the wall clock: the job makes today and the days ahead, so that day is made by a round then.
        LocalDate old = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        List<DailyPartitions.Table> alertTables = monitor.tables(retentionConfig).stream().filter(t -> t.name().startsWith("alert")).toList();
        List<String> names = List.of("alert", "alert_breach", "alert_notification", "alert_delivery_log", "alert_ack_token");
        assertEquals(names, alertTables.stream().map(DailyPartitions.Table::name).toList());
        partitions.maintain(IdDays.start(old).plusSeconds(3600), alertTables).forEach(r -> assertNull(r.failure(), r.table()));
        clock.set(OPEN);
        String gone = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        breach(gone, UUID.randomUUID().toString(), "R001", TimeOrderedIds.madeAt(IdDays.start(old).plus(Duration.ofHours(12))));
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", gone) == 1);
        String goneAlert = alertOf(gone);
        assertEquals(old, IdDays.dayOf(UUID.fromString(goneAlert)), "an alert is of its event's day: " + goneAlert);
        given().urlEncodingEnabled(false).get(smsLink(gone)).then().statusCode(200);
        String kept = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        breach(kept, UUID.randomUUID().toString(), "R002");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", kept) == 1);
        String keptAlert = alertOf(kept);
        given().contentType(ContentType.JSON).body(Map.of("by", "dm")).post("/api/v1/alerts/{id}/ack", keptAlert).then().statusCode(200);
        for (String table : names) {
            assertEquals(IdDays.partition(table, old), db.one("SELECT tableoid::regclass::text FROM " + table + " WHERE alert_id = ? LIMIT 1",
                    rs -> rs.getString(1), goneAlert).orElseThrow(), table + ": every row of an alert lives in the alert's day");
        }

        // Kept a day: the day before yesterday goes, whole, in every alerting table; yesterday and today stay.
        List<DailyPartitions.Table> oneDay = alertTables.stream().map(t -> DailyPartitions.Table.of(t.name(), t.column(), Duration.ofDays(1))).toList();
        for (DailyPartitions.Round r : partitions.maintain(Instant.now(), oneDay)) {
            assertNull(r.failure(), r.table());
            assertTrue(r.dropped().contains(old), r.table() + " dropped " + r.dropped());
        }
        given().get("/api/v1/alerts/{id}", goneAlert).then().statusCode(404);
        given().get("/api/v1/alerts/{id}", keptAlert).then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        for (String table : List.of("alert_breach", "alert_notification", "alert_delivery_log", "alert_ack_token")) {
            assertEquals(0, db.count("SELECT count(*) FROM " + table + " WHERE alert_id = ?", goneAlert), table);
        }
        assertEquals(1, db.count("SELECT count(*) FROM alert_delivery_log WHERE alert_id = ?", keptAlert));

        // The silences are a branch's settings, not a day's rows: one that ended before the retention is deleted.
        String silenced = "AL-" + UUID.randomUUID().toString().substring(0, 8);
        for (int daysAgo : new int[] {91, 89}) {
            Instant ends = OPEN.minus(Duration.ofDays(daysAgo));
            db.update("""
                    INSERT INTO alert_silence (silence_id, branch_id, starts_at, ends_at, created_by, reason, created_at)
                    VALUES (?, ?, ?, ?, 'dm', 'works', ?)""", UUID.randomUUID().toString(), silenced, ends.minusSeconds(3600), ends,
                    ends.minusSeconds(3600));
        }
        assertTrue(silenceRetention.purge() >= 1);
        assertEquals(List.of(OPEN.minus(Duration.ofDays(89))), db.list("SELECT ends_at FROM alert_silence WHERE branch_id = ?",
                rs -> Db.instant(rs, "ends_at"), silenced));
    }

    @Test
    void a_clock_set_back_does_not_let_a_later_alert_swallow_a_page() {
        clock.set(OPEN.plus(Duration.ofMinutes(10)));
        String branch = roster("AL-" + UUID.randomUUID().toString().substring(0, 8));
        breach(branch, UUID.randomUUID().toString(), "S001");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 1);
        clock.set(OPEN); // a demo replaying the same day on the same database
        breach(branch, UUID.randomUUID().toString(), "S002");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sms", branch) == 2);
        for (Object id : given().get("/api/v1/alerts?branchId=" + branch + "&status=OPEN").then().extract().jsonPath().getList("alertId")) {
            given().contentType(ContentType.JSON).body(Map.of("by", "dm")).post("/api/v1/alerts/{id}/ack", id).then().statusCode(200);
        }
    }
}
