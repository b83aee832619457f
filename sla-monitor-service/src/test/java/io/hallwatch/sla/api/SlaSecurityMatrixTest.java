package io.hallwatch.sla.api;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.client.alerting.ChannelStub;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.jwt.SecurityMatrix.Endpoint;
import io.hallwatch.testsupport.jwt.SecurityMatrix;
import io.hallwatch.testsupport.jwt.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.hallwatch.common.security.Roles.ADMIN;
import static io.hallwatch.common.security.Roles.DUTY_MANAGER;
import static io.hallwatch.common.security.Roles.KIOSK;
import static io.hallwatch.common.security.Roles.MANAGER;
import static io.hallwatch.common.security.Roles.SERVICE;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Every sla-monitor endpoint × every role, in and out of branch scope, and every kind of bad token. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStub.class, scope = TestResourceScope.GLOBAL)
class SlaSecurityMatrixTest {
    /** Tuesday 11:00 in Shanghai: the branch is open, its duty manager on shift. */
    private static final Instant OPEN = Instant.parse("2026-11-24T03:00:00Z");
    private static final String ROSTER = """
            {"shifts":[{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"from":"09:00","to":"18:00",
              "managers":[{"staffId":"dm","channels":[{"type":"WECOM","address":"wang.li"}]}]}],
             "escalation":{"areaManager":{"staffId":"area","channels":[{"type":"DINGTALK","address":"ding-area"}]},
                           "regionalManager":{"staffId":"region","channels":[{"type":"WEBHOOK","address":"region"}]}}}""";
    private static final String ADMIN_TOKEN = Tokens.role(ADMIN, DUTY_MANAGER).bearer();

    @Inject
    MutableClock clock;
    @Inject
    io.hallwatch.common.db.Db db;

    private String in;
    private String other;
    private String alert;
    private final String ticket = TimeOrderedIds.next().toString();
    private Instant clockBefore;

    @BeforeEach
    void a_branch_with_an_alert() {
        clockBefore = clock.instant();
        clock.set(OPEN);
        in = "SEC-" + UUID.randomUUID().toString().substring(0, 8);
        other = "SEC-" + UUID.randomUUID().toString().substring(0, 8);
        given().noFilters().header("Authorization", ADMIN_TOKEN).contentType(ContentType.JSON).body(ROSTER)
                .put("/api/v1/branches/{b}/duty-roster", in).then().statusCode(200);
        Instant now = clock.instant();
        String breach = UUID.randomUUID().toString();
        SlaBreached b = new SlaBreached(breach, in, "t-" + breach, "A001", "GENERAL", CustomerTier.NORMAL, SlaRule.WAIT,
                900, 900, now.minusSeconds(900), now, now, false, null, null);
        KafkaTestClient.produce(Topics.SLA, in, EventCodec.toBytes(CloudEvent.of("/hallwatch/sla-monitor-service", now, b)));
        Instant issued = clock.instant();
        KafkaTestClient.produce(Topics.TICKETS, in, EventCodec.toBytes(CloudEvent.of("/hallwatch/queue-service", issued,
                new io.hallwatch.events.TicketIssued(ticket, in, "A001", "PAYMENT", CustomerTier.NORMAL, issued, null))));
        alert = await().atMost(Duration.ofSeconds(10)).until(() -> given().noFilters().header("Authorization", ADMIN_TOKEN)
                .get("/api/v1/alerts?branchId=" + in).then().statusCode(200).extract().jsonPath().getString("[0].alertId"),
                id -> id != null);
        // The ticket the turn-notice row names, seen by the monitor (it takes numbers only for tickets it knows).
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ?", ticket) == 1);
    }

    /** Other tests read time where they left it; the matrix only borrows the duty manager's shift. */
    @AfterEach
    void give_the_clock_back() {
        clock.set(clockBefore);
    }

    private List<Endpoint> rows() {
        Set<String> managers = Set.of(DUTY_MANAGER, MANAGER);
        String b = "/api/v1/branches/" + in;
        String a = "/api/v1/alerts/" + alert;
        return List.of(
                Endpoint.of("GET", "/api/v1/breaches", managers, true, "/api/v1/breaches?branchId=" + in),
                Endpoint.of("GET", "/api/v1/alerts", managers, true, "/api/v1/alerts?branchId=" + in),
                Endpoint.of("GET", "/api/v1/alerts/{alertId}", managers, true, a),
                Endpoint.of("POST", "/api/v1/alerts/{alertId}/ack", Set.of(DUTY_MANAGER), true, a + "/ack").json("{\"by\":\"dm\"}"),
                Endpoint.of("GET", "/api/v1/alerts/{alertId}/ack-link", SecurityMatrix.PUBLIC, false,
                        a + "/ack-link?by=dm&exp=1&sig=forged"),
                Endpoint.of("GET", "/api/v1/sla-policies", Set.of(DUTY_MANAGER, MANAGER, ADMIN), false, "/api/v1/sla-policies"),
                Endpoint.of("GET", "/api/v1/sla-policies/versions/{version}", Set.of(DUTY_MANAGER, MANAGER, ADMIN), false,
                        "/api/v1/sla-policies/versions/1"),
                Endpoint.of("GET", "/api/v1/sla-policies/history", Set.of(DUTY_MANAGER, MANAGER, ADMIN), false,
                        "/api/v1/sla-policies/history"),
                // An empty change: allowed callers get 400, so the matrix writes no policy version other tests would see.
                Endpoint.of("PUT", "/api/v1/sla-policies", Set.of(ADMIN), false, "/api/v1/sla-policies").json("{}"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/alert-silences", managers, true, b + "/alert-silences"),
                Endpoint.of("POST", "/api/v1/branches/{branchId}/alert-silences", Set.of(DUTY_MANAGER), true, b + "/alert-silences")
                        .json(() -> "{\"endsAt\":\"" + clock.instant().plusSeconds(60) + "\",\"createdBy\":\"dm\"}"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/duty-roster", Set.of(DUTY_MANAGER, MANAGER, ADMIN), true,
                        b + "/duty-roster"),
                Endpoint.of("PUT", "/api/v1/branches/{branchId}/duty-roster", Set.of(ADMIN), true, b + "/duty-roster").json(ROSTER),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/sla-status", managers, true, b + "/sla-status"),
                Endpoint.of("GET", "/api/v1/branches/{branchId}/sla-report", managers, true, b + "/sla-report?date=2026-11-24"),
                Endpoint.of("PUT", "/api/v1/tickets/{ticketId}/turn-notice-contact", Set.of(KIOSK, SERVICE), true,
                        "/api/v1/tickets/" + ticket + "/turn-notice-contact")
                        .json(() -> "{\"branchId\":\"" + in + "\",\"phone\":\"13812345678\"}"));
    }

    @Test
    void every_documented_endpoint_has_a_row_and_every_row_an_endpoint() {
        SecurityMatrix.assertRowsMatchTheApi(rows());
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_answers_only_the_right_role_in_the_right_branch() {
        return SecurityMatrix.dynamicTests(rows(), in, other);
    }

    @Test
    void a_manager_scoped_to_some_branches_must_name_one_to_list_alerts_or_breaches() {
        String scoped = Tokens.role(DUTY_MANAGER).branches(in).bearer();
        given().noFilters().header("Authorization", scoped).get("/api/v1/alerts").then().statusCode(400)
                .body("type", equalTo("https://hallwatch.io/problems/branch-required"));
        given().noFilters().header("Authorization", scoped).get("/api/v1/breaches").then().statusCode(400);
        given().noFilters().header("Authorization", Tokens.role(MANAGER).branches("*").bearer()).get("/api/v1/alerts")
                .then().statusCode(200);
    }
}
