package io.hallwatch.common.outbox;

import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.common.consumer.DeadLetters;
import io.hallwatch.common.probe.Db;
import io.hallwatch.common.probe.ProbeConsumer;
import io.hallwatch.common.probe.ProbeService;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboxTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Inject
    ProbeService service;
    @Inject
    OutboxRelay relay;
    @Inject
    Db db;
    @Inject
    io.hallwatch.common.db.Db sql;
    @Inject
    MutableClock mutableClock;
    @Inject
    Clock clock;

    @Test
    void the_services_clock_is_the_tests_mutable_clock() {
        assertSame(mutableClock, clock);
        Instant before = clock.instant();
        mutableClock.advance(Duration.ofMinutes(15));
        assertEquals(before.plus(Duration.ofMinutes(15)), clock.instant());
    }

    @Test
    void a_change_and_its_event_commit_together_and_the_relay_publishes_it_keyed_by_branch() {
        String ticket = UUID.randomUUID().toString();
        mutableClock.set(Instant.parse("2026-11-24T02:00:00Z"));
        CloudEvent<TicketIssued> event = service.issue("GZ-TH-001", ticket, "A001");

        assertEquals(1, db.count("SELECT count(*) FROM probe_state WHERE ticket_id = ?", ticket));
        assertEquals(1, db.count("SELECT count(*) FROM outbox_event WHERE event_id = ? AND sent_at IS NULL", event.id()));

        relayUntilEmpty();

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(Topics.TICKETS, KAFKA_WAIT, withId(event.id(), 1));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> isEvent(r, event.id())).findFirst().orElseThrow();
        assertEquals("GZ-TH-001", record.key());
        CloudEvent<?> published = EventCodec.fromBytes(record.value());
        assertEquals(event, published);
        assertEquals(Instant.parse("2026-11-24T02:00:00Z"), published.time());
        assertNotNull(record.headers().lastHeader("content-type"));
        assertEquals(1, db.count("SELECT count(*) FROM outbox_event WHERE event_id = ? AND sent_at IS NOT NULL", event.id()));
    }

    @Test
    void a_change_that_rolls_back_leaves_no_event() {
        String ticket = UUID.randomUUID().toString();
        long before = db.count("SELECT count(*) FROM outbox_event");
        assertThrows(IllegalStateException.class, () -> service.issueThenFail("GZ-TH-001", ticket));
        assertEquals(0, db.count("SELECT count(*) FROM probe_state WHERE ticket_id = ?", ticket));
        assertEquals(before, db.count("SELECT count(*) FROM outbox_event"));
    }

    @Test
    void several_events_published_with_one_statement_are_stored_in_their_order_with_their_times() {
        Outbox outbox = io.quarkus.arc.Arc.container().instance(Outbox.class).get();
        Instant t0 = Instant.parse("2026-11-24T03:00:00.123456Z");
        List<Outbox.Pending> pending = List.of(
                new Outbox.Pending(t0.plusSeconds(60), issued("SZ-FT-002", "B002", t0)),
                new Outbox.Pending(t0, issued("GZ-TH-001", "A003", t0)),
                new Outbox.Pending(t0.plusSeconds(30), issued("GZ-TH-001", "A004", t0)));

        List<CloudEvent<?>> events = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(pending));

        List<CloudEvent<?>> stored = sql.list("SELECT payload FROM outbox_event WHERE event_id = ANY (CAST(? AS uuid[])) ORDER BY seq",
                rs -> EventCodec.fromJson(rs.getString(1)), events.stream().map(e -> e.id().toString()).toList());
        assertEquals(events, stored);
        assertEquals(List.of(t0.plusSeconds(60), t0, t0.plusSeconds(30)), stored.stream().map(CloudEvent::time).toList());
        assertEquals(List.of("SZ-FT-002", "GZ-TH-001", "GZ-TH-001"), sql.list(
                "SELECT record_key FROM outbox_event WHERE event_id = ANY (CAST(? AS uuid[])) ORDER BY seq",
                rs -> rs.getString(1), events.stream().map(e -> e.id().toString()).toList()));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(List.of())).isEmpty());
    }

    private static TicketIssued issued(String branch, String number, Instant at) {
        return new TicketIssued(UUID.randomUUID().toString(), branch, number, "PAYMENT", CustomerTier.NORMAL, at, null);
    }

    @Test
    void publishing_outside_a_transaction_is_refused() {
        Outbox outbox = io.quarkus.arc.Arc.container().instance(Outbox.class).get();
        TicketIssued payload = new TicketIssued(UUID.randomUUID().toString(), "GZ-TH-001", "A001", "PAYMENT",
                CustomerTier.NORMAL, clock.instant(), null);
        assertThrows(jakarta.transaction.TransactionalException.class, () -> outbox.publish(clock.instant(), payload));
    }

    @Test
    void a_relay_killed_between_publish_and_mark_sent_resends_and_the_consumer_applies_it_once() {
        relayUntilEmpty();
        String ticket = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> event = service.issue("SZ-FT-002", ticket, "A002");

        assertThrows(RuntimeException.class, () -> relay.relayOnce(published -> {
            throw new IllegalStateException("relay killed after Kafka acknowledged " + published + " events");
        }));
        // Kafka has the event, the outbox still says unsent.
        KafkaTestClient.readUntil(Topics.TICKETS, KAFKA_WAIT, withId(event.id(), 1));
        assertEquals(1, db.count("SELECT count(*) FROM outbox_event WHERE event_id = ? AND sent_at IS NULL", event.id()));

        relayUntilEmpty();

        KafkaTestClient.readUntil(Topics.TICKETS, KAFKA_WAIT, withId(event.id(), 2));
        await().atMost(KAFKA_WAIT).until(() ->
                db.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", ProbeConsumer.NAME, event.id()) == 1
                        && db.count("SELECT count(*) FROM probe_applied WHERE event_id = ?", event.id()) == 1);
        // Let the duplicate reach the consumer too, then check it was still applied only once.
        String marker = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> after = service.issue("SZ-FT-002", marker, "A003");
        relayUntilEmpty();
        await().atMost(KAFKA_WAIT).until(() -> db.count("SELECT count(*) FROM probe_applied WHERE event_id = ?", after.id()) == 1);
        assertEquals(1, db.count("SELECT count(*) FROM probe_applied WHERE event_id = ?", event.id()));
    }

    @Test
    void a_poison_record_goes_to_the_dlq_with_its_reason_and_the_consumer_goes_on() {
        String branch = "DLQ-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.produce(Topics.TICKETS, branch, "{not json".getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.produce(Topics.TICKETS, branch,
                "{\"specversion\":\"1.0\",\"id\":\"6c1e2f3a-0b1c-4d2e-8f3a-4b5c6d7e8f90\",\"source\":\"/x\",\"type\":\"hallwatch.ticket.teleported.v1\",\"time\":\"2026-11-24T01:00:00Z\",\"subject\":\"t\",\"data\":{}}"
                        .getBytes(StandardCharsets.UTF_8));
        String rejectedTicket = UUID.randomUUID().toString();
        service.issue(branch, rejectedTicket, ProbeConsumer.REJECTED_NUMBER);
        String goodTicket = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> good = service.issue(branch, goodTicket, "A004");
        relayUntilEmpty();

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClient.readUntil(Topics.dlq(Topics.TICKETS), KAFKA_WAIT,
                rs -> rs.stream().filter(r -> branch.equals(r.key())).count() >= 3);
        List<String> categories = dead.stream().filter(r -> branch.equals(r.key()))
                .map(r -> header(r, DeadLetters.CATEGORY)).toList();
        assertEquals(List.of("malformed", "unknown-type", "rejected"), categories);
        dead.stream().filter(r -> branch.equals(r.key())).forEach(r -> {
            assertEquals(Topics.TICKETS, header(r, DeadLetters.SOURCE_TOPIC));
            assertEquals(ProbeConsumer.NAME, header(r, DeadLetters.CONSUMER));
            assertTrue(!header(r, DeadLetters.REASON).isBlank());
        });
        assertTrue(header(dead.stream().filter(r -> branch.equals(r.key())).toList().get(1), DeadLetters.REASON)
                .contains("hallwatch.ticket.teleported.v1"));

        await().atMost(KAFKA_WAIT).until(() -> db.count("SELECT count(*) FROM probe_applied WHERE event_id = ?", good.id()) == 1);
        assertEquals(0, db.count("SELECT count(*) FROM probe_applied WHERE ticket_id = ?", rejectedTicket));
    }

    private void relayUntilEmpty() {
        while (relay.relayOnce() > 0) {
            // keep going until the outbox is drained
        }
    }

    private static Predicate<List<ConsumerRecord<String, byte[]>>> withId(UUID id, int copies) {
        return records -> records.stream().filter(r -> isEvent(r, id)).count() >= copies;
    }

    private static boolean isEvent(ConsumerRecord<String, byte[]> record, UUID id) {
        return new String(record.value(), StandardCharsets.UTF_8).contains(id.toString());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
