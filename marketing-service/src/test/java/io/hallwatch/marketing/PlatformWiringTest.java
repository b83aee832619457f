package io.hallwatch.marketing;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.consumer.DeadLetters;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import io.hallwatch.marketing.moments.MomentRecorder;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PlatformChecks;
import io.hallwatch.testsupport.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class PlatformWiringTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    MutableClock mutableClock;

    @Test
    void readiness_is_up_with_the_database_and_kafka_checks() {
        PlatformChecks.assertReadyWithDatabaseAndKafka();
    }

    @Test
    void the_shared_and_the_services_own_migrations_are_applied() {
        assertEquals(List.of("0.1", "0.2", "1", "2", "3", "4", "5"), PlatformChecks.appliedMigrations(dataSource));
    }

    @Test
    void the_service_reads_time_from_the_tests_clock() {
        assertSame(mutableClock, clock);
    }

    @Test
    void metrics_are_exposed_for_prometheus() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("hallwatch_outbox_pending"));
    }

    @Test
    void the_openapi_document_is_served() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }

    @Test
    void an_event_on_the_broker_is_consumed_once_even_when_delivered_twice() throws SQLException {
        String ticketId = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> event = CloudEvent.of("/hallwatch/queue-service", clock.instant(),
                new TicketIssued(ticketId, "GZ-TH-001", "A001", "PAYMENT", CustomerTier.NORMAL, clock.instant(), null));
        KafkaTestClient.produce(Topics.TICKETS, event.key(), EventCodec.toBytes(event));
        KafkaTestClient.produce(Topics.TICKETS, event.key(), EventCodec.toBytes(event));
        String marker = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> after = CloudEvent.of("/hallwatch/queue-service", clock.instant(),
                new TicketIssued(marker, "GZ-TH-001", "A002", "PAYMENT", CustomerTier.NORMAL, clock.instant(), null));
        KafkaTestClient.produce(Topics.TICKETS, after.key(), EventCodec.toBytes(after));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM event_journal WHERE subject = ?", marker) == 1);
        assertEquals(1, count("SELECT count(*) FROM event_journal WHERE subject = ?", ticketId));
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                MomentRecorder.CONSUMER, event.id()));
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_consumption_goes_on() {
        String branch = "POISON-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.produce(Topics.TICKETS, branch, "{\"specversion\":\"1.0\"".getBytes(StandardCharsets.UTF_8));
        String ticketId = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> good = CloudEvent.of("/hallwatch/queue-service", clock.instant(),
                new TicketIssued(ticketId, branch, "A003", "PAYMENT", CustomerTier.NORMAL, clock.instant(), null));
        KafkaTestClient.produce(Topics.TICKETS, branch, EventCodec.toBytes(good));

        KafkaTestClient.readUntil(Topics.dlq(Topics.TICKETS), Duration.ofSeconds(30), rs -> rs.stream()
                .anyMatch(r -> branch.equals(r.key())
                        && MomentRecorder.CONSUMER.equals(new String(r.headers().lastHeader(DeadLetters.CONSUMER).value(), StandardCharsets.UTF_8))));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM event_journal WHERE subject = ?", ticketId) == 1);
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
