package io.hallwatch.counter;

import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.PlatformWiringChecks;
import io.hallwatch.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class PlatformWiringTest extends PlatformWiringChecks {

    @Inject
    Outbox outbox;

    @Override
    protected List<String> expectedMigrations() {
        return List.of("0.1", "0.3", "1", "2", "3", "4", "5", "6");
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
