package io.hallwatch.sla.api.notice;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.client.alerting.ChannelStub;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.jwt.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.hallwatch.common.security.Roles.KIOSK;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The kiosk gives the customer's number: kept, answered masked, never echoed, and only for the kiosk's own branch. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStub.class, scope = TestResourceScope.GLOBAL)
class TurnNoticeContactApiTest {
    private static final String PATH = "/api/v1/tickets/{t}/turn-notice-contact";

    @Inject
    Db db;

    /** A ticket the queue issued at {@code branch}, once the monitor has seen it. */
    private String ticketAt(String branch) {
        String ticket = TimeOrderedIds.next().toString();
        Instant now = Instant.parse("2026-11-24T02:00:00Z");
        KafkaTestClient.produce(Topics.TICKETS, branch, EventCodec.toBytes(CloudEvent.of("/hallwatch/queue-service", now,
                new TicketIssued(ticket, branch, "A001", "PAYMENT", CustomerTier.NORMAL, now, null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count("SELECT count(*) FROM sla_ticket WHERE ticket_id = ?", ticket) == 1);
        return ticket;
    }

    private static String body(String branch, String phone) {
        return "{\"branchId\":\"" + branch + "\",\"phone\":\"" + phone + "\"}";
    }

    @Test
    void a_kiosk_gives_the_number_and_gets_it_back_masked_and_a_second_call_replaces_it() {
        String branch = "TN-API-1";
        String ticket = ticketAt(branch);
        String kiosk = Tokens.role(KIOSK).branches(branch).bearer();
        given().noFilters().header("Authorization", kiosk).contentType(ContentType.JSON).body(body(branch, "13812345678"))
                .put(PATH, ticket).then().statusCode(200)
                .body("ticketId", equalTo(ticket)).body("branchId", equalTo(branch)).body("phone", equalTo("138****5678"))
                .body("status", equalTo("WAITING")).body(not(containsString("13812345678")));
        given().noFilters().header("Authorization", kiosk).contentType(ContentType.JSON).body(body(branch, "15900001111"))
                .put(PATH, ticket).then().statusCode(200).body("phone", equalTo("159****1111"));
        // The same ticket claimed for another branch (one the token covers) is refused.
        given().contentType(ContentType.JSON).body(body("TN-API-2", "13812345678")).put(PATH, ticket).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/ticket-of-another-branch"));
    }

    @Test
    void a_ticket_the_monitor_has_not_seen_is_404_ticket_not_found() {
        given().contentType(ContentType.JSON).body(body("TN-API-1", "13812345678")).put(PATH, UUID.randomUUID().toString()).then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/ticket-not-found")).body(not(containsString("13812345678")));
    }

    @Test
    void a_kiosk_may_not_give_a_number_for_a_ticket_of_another_branch_even_naming_its_own() {
        String ticket = ticketAt("TN-API-3");
        given().noFilters().header("Authorization", Tokens.role(KIOSK).branches("TN-API-4").bearer())
                .contentType(ContentType.JSON).body(body("TN-API-4", "13812345678")).put(PATH, ticket)
                .then().statusCode(403).body("type", equalTo("https://hallwatch.io/problems/forbidden"));
    }

    @Test
    void anything_but_a_mainland_mobile_number_is_422_invalid_phone_without_the_number_in_the_problem() {
        String ticket = ticketAt("TN-API-1");
        for (String bad : new String[]{"1381234567", "12812345678", "+8613812345678", "138-1234-5678", "abc"}) {
            given().contentType(ContentType.JSON).body(body("TN-API-1", bad)).put(PATH, ticket).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://hallwatch.io/problems/invalid-phone"))
                    .body(not(containsString(bad)));
        }
        given().contentType(ContentType.JSON).body("{\"branchId\":\"TN-API-1\"}").put(PATH, ticket).then()
                .statusCode(422).body("type", equalTo("https://hallwatch.io/problems/invalid-phone"));
    }

    @Test
    void a_missing_branch_an_unknown_field_or_a_malformed_ticket_id_is_a_4xx_problem() {
        given().contentType(ContentType.JSON).body("{\"phone\":\"13812345678\"}").put(PATH, UUID.randomUUID().toString()).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/invalid-parameter")).body(not(containsString("13812345678")));
        given().contentType(ContentType.JSON).body("{\"branchId\":\"TN-API-1\",\"phone\":\"13812345678\",\"name\":\"张三\"}")
                .put(PATH, UUID.randomUUID().toString()).then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("13812345678")));
        given().contentType(ContentType.JSON).body(body("TN-API-1", "13812345678")).put(PATH, "not-a-ticket").then()
                .statusCode(404);
    }

    @Test
    void a_kiosk_may_not_give_a_number_for_another_branch() {
        given().noFilters().header("Authorization", Tokens.role(KIOSK).branches("TN-API-9").bearer())
                .contentType(ContentType.JSON).body(body("TN-API-1", "13812345678")).put(PATH, UUID.randomUUID().toString())
                .then().statusCode(403).body("type", equalTo("https://hallwatch.io/problems/forbidden"))
                .body(not(containsString("13812345678")));
    }
}
