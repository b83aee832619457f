package io.hallwatch.counter;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PlatformChecks;
import io.hallwatch.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
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
    @Inject
    Outbox outbox;

    @Test
    void readiness_is_up_with_the_database_and_kafka_checks() {
        PlatformChecks.assertReadyWithDatabaseAndKafka();
    }

    @Test
    void the_shared_and_the_services_own_migrations_are_applied() {
        assertEquals(List.of("0.1", "1", "2"), PlatformChecks.appliedMigrations(dataSource));
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
    void an_event_written_with_a_change_reaches_its_topic_through_the_outbox_relay() {
        String ticketId = UUID.randomUUID().toString();
        CloudEvent<ServiceStarted> event = QuarkusTransaction.requiringNew().call(() ->
                outbox.publish(clock.instant(), new ServiceStarted(ticketId, "GZ-TH-001", "A001", "PAYMENT", CustomerTier.NORMAL, "C01", "clerk-0001", clock.instant())));

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(Topics.SERVICES, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(event.id().toString())));
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(event.id().toString())).findFirst().orElseThrow();
        assertEquals("GZ-TH-001", record.key());
        assertEquals(event, EventCodec.fromBytes(record.value()));
        assertEquals("/hallwatch/counter-service", EventCodec.fromBytes(record.value()).source().toString());
    }
}
