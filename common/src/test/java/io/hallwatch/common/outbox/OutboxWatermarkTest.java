package io.hallwatch.common.outbox;

import io.hallwatch.common.probe.ProbeService;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.ProducerWatermark;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay's promise, on the real broker and database: an idle relay still publishes it, an open
 * transaction holds it back (its event may still come), and once that event is relayed the next
 * promise covers it and reaches past its offset.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboxWatermarkTest {
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Inject
    ProbeService service;
    @Inject
    OutboxRelay relay;
    @Inject
    OutboxWatermarks watermarks;
    @Inject
    MutableClock clock;
    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void an_idle_relay_publishes_its_watermark_for_every_partition() {
        clock.advance(Duration.ofMinutes(5)); // after any earlier promise: a watermark never goes back
        relay.relayOnce();
        Instant mark = watermarks.last();
        assertTrue(!mark.isAfter(clock.instant().minusMillis(50)), "the promise stays the allowance behind the clock: " + mark);
        ProducerWatermark published = lastWatermark(mark);
        assertEquals("common-test", published.source());
        assertEquals(Topics.TICKETS, published.topic());
        assertEquals(2, published.endOffsets().size(), "one end offset per partition of the tickets topic");
    }

    @Test
    void an_open_transaction_holds_the_watermark_back_until_its_event_is_relayed() throws Exception {
        clock.advance(Duration.ofMinutes(5));
        relay.relayOnce();
        String ticket = UUID.randomUUID().toString();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A kiosk's transaction: it reads the clock, writes its ticket and event, and is slow to commit.
        CompletableFuture<CloudEvent<TicketIssued>> slow = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            CloudEvent<TicketIssued> e = service.issue("GZ-WM-001", ticket, "A001");
            written.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
            return e;
        }));
        Instant eventTime = clock.instant(); // what the open transaction's event carries
        assertTrue(written.await(30, TimeUnit.SECONDS));
        long openSince = System.nanoTime();
        // The transaction must be measurably old in real time (the platform clock is the test's):
        // polled as PostgreSQL sees it, with a deadline.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> oldestOpenTransactionMillis() >= 300);
        // The platform clock moves with real time, as in production (never further than the
        // transaction's real age): without the open-transaction rule the promise would pass the event.
        Duration openFor = Duration.ofNanos(System.nanoTime() - openSince);
        clock.advance(openFor);
        relay.relayOnce();
        Instant held = watermarks.last();
        assertTrue(held.isBefore(eventTime),
                "an event still uncommitted after " + openFor.toMillis() + " ms may carry any time since its transaction began: " + held);

        release.countDown();
        CloudEvent<TicketIssued> event = slow.get(30, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(1));
        relay.relayOnce();
        Instant covering = watermarks.last();
        assertFalse(covering.isBefore(event.time()), "the next promise covers the relayed event: " + covering);

        ConsumerRecord<String, byte[]> onTopic = KafkaTestClient.readUntil(Topics.TICKETS, KAFKA_WAIT,
                        rs -> rs.stream().anyMatch(r -> KafkaTestClient.isAbout(r.value(), ticket)))
                .stream().filter(r -> KafkaTestClient.isAbout(r.value(), ticket)).findFirst().orElseThrow();
        ProducerWatermark promise = lastWatermark(covering);
        assertTrue(promise.endOffsets().get(onTopic.partition()) > onTopic.offset(),
                "the promise's end offset lies past the event it covers: " + promise + " vs offset " + onTopic.offset());
    }

    private long oldestOpenTransactionMillis() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("""
                     SELECT coalesce(extract(epoch FROM now() - min(xact_start)) * 1000, 0) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL""");
             java.sql.ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ProducerWatermark lastWatermark(Instant mark) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(Topics.WATERMARKS, KAFKA_WAIT,
                rs -> rs.stream().anyMatch(r -> mark.equals(watermark(r).watermark())));
        return records.stream().map(OutboxWatermarkTest::watermark).filter(w -> mark.equals(w.watermark())).reduce((a, b) -> b).orElseThrow();
    }

    private static ProducerWatermark watermark(ConsumerRecord<String, byte[]> r) {
        return (ProducerWatermark) EventCodec.fromBytes(r.value()).data();
    }
}
