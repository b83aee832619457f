package io.hallwatch.common.consumer;

import io.hallwatch.common.probe.BatchProbeConsumer;
import io.hallwatch.common.probe.Db;
import io.hallwatch.common.probe.ProbeConsumer;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer in {@link Transactions#PER_POLL} mode. Each test fills a topic that no other test
 * consumes before it starts its consumer, so that the records arrive together in one poll.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class BatchedConsumerTest {
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");

    @Inject
    BatchProbeConsumer probe;
    @Inject
    Db db;

    @Test
    void a_poll_is_applied_in_one_transaction_and_each_event_once_even_when_delivered_twice() {
        String consumer = "probe-batch-clean";
        String branch = "BATCH-" + UUID.randomUUID().toString().substring(0, 8);
        List<CloudEvent<TicketIssued>> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(issued(branch, "A%03d".formatted(i)));
        }
        events.forEach(e -> KafkaTestClient.produce(Topics.MARKETING, branch, EventCodec.toBytes(e)));
        KafkaTestClient.produce(Topics.MARKETING, branch, EventCodec.toBytes(events.get(7)));

        ConsumerLoop loop = probe.start(consumer, Topics.MARKETING);
        try {
            await().atMost(KAFKA_WAIT).until(() -> committed(consumer, Topics.MARKETING) == 41);
        } finally {
            loop.stop();
        }
        assertEquals(40, db.count("SELECT count(*) FROM processed_event WHERE consumer = ?", consumer));
        assertEquals(40, db.count("SELECT count(*) FROM probe_batch_applied WHERE consumer = ?", consumer));
        assertEquals(40, db.count("SELECT count(DISTINCT event_id) FROM probe_batch_applied WHERE consumer = ?", consumer));
        long transactions = db.count("SELECT count(DISTINCT tx_id) FROM probe_batch_applied WHERE consumer = ?", consumer);
        assertTrue(transactions <= 4, "40 events that arrived together took " + transactions + " transactions");
    }

    @Test
    void a_poll_with_a_rejected_and_a_malformed_record_dead_letters_them_and_applies_the_rest_once() {
        String consumer = "probe-batch-mixed";
        String branch = "MIXED-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent<TicketIssued> before = issued(branch, "A001");
        CloudEvent<TicketIssued> rejected = issued(branch, ProbeConsumer.REJECTED_NUMBER);
        CloudEvent<TicketIssued> after = issued(branch, "A002");
        KafkaTestClient.produce(Topics.SLA, branch, EventCodec.toBytes(before));
        KafkaTestClient.produce(Topics.SLA, branch, EventCodec.toBytes(rejected));
        KafkaTestClient.produce(Topics.SLA, branch, "{not json".getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.produce(Topics.SLA, branch, EventCodec.toBytes(after));

        ConsumerLoop loop = probe.start(consumer, Topics.SLA);
        try {
            List<ConsumerRecord<String, byte[]>> dead = KafkaTestClient.readUntil(Topics.dlq(Topics.SLA), KAFKA_WAIT,
                    rs -> rs.stream().filter(r -> branch.equals(r.key())).count() >= 2);
            assertEquals(List.of("rejected", "malformed"), dead.stream().filter(r -> branch.equals(r.key()))
                    .map(r -> new String(r.headers().lastHeader(DeadLetters.CATEGORY).value(), StandardCharsets.UTF_8)).toList());
            await().atMost(KAFKA_WAIT).until(() -> committed(consumer, Topics.SLA) == 4);
        } finally {
            loop.stop();
        }
        assertEquals(1, db.count("SELECT count(*) FROM probe_batch_applied WHERE event_id = ?", before.id()));
        assertEquals(1, db.count("SELECT count(*) FROM probe_batch_applied WHERE event_id = ?", after.id()));
        assertEquals(0, db.count("SELECT count(*) FROM probe_batch_applied WHERE event_id = ?", rejected.id()));
        assertEquals(0, db.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", consumer, rejected.id()));
    }

    @Test
    void a_journaled_consumer_stores_each_event_as_its_producer_sent_it_and_applies_a_redelivery_never() {
        String consumer = "probe-batch-journal";
        String branch = "JOURNAL-" + UUID.randomUUID().toString().substring(0, 8);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // An extension attribute the codec does not model: only the record's own bytes carry it.
            String asSent = EventCodec.toJson(issued(branch, "A%03d".formatted(i))).replaceFirst("\\{", "{\"probeext\":\"as-sent\",");
            sent.add(asSent.getBytes(StandardCharsets.UTF_8));
        }
        sent.add(sent.get(4)); // delivered again in the same poll
        sent.forEach(value -> KafkaTestClient.produce(Topics.SERVICES, branch, value));

        ConsumerLoop loop = probe.startJournaled(consumer, Topics.SERVICES);
        try {
            await().atMost(KAFKA_WAIT).until(() -> committed(consumer, Topics.SERVICES) == 21);
        } finally {
            loop.stop();
        }
        assertEquals(20, db.count("SELECT count(*) FROM probe_batch_applied WHERE consumer = ?", consumer));
        assertEquals(20, db.count("SELECT count(DISTINCT event_id) FROM probe_batch_applied WHERE consumer = ?", consumer));
        assertEquals(20, db.count("SELECT count(*) FROM event_journal WHERE branch_id = ? AND payload->>'probeext' = 'as-sent'"
                + " AND payload->'data'->>'branchId' = branch_id AND payload->>'subject' = subject"
                + " AND (payload->>'time')::timestamptz = event_time AND payload->>'type' = event_type", branch));
        assertEquals(0, db.count("SELECT count(*) FROM processed_event WHERE consumer = ?", consumer),
                "the journal is the dedupe record: no second row per event");
        assertTrue(db.count("SELECT count(DISTINCT tx_id) FROM probe_batch_applied WHERE consumer = ?", consumer) <= 2,
                "the events arrived together and were applied per poll");
    }

    @Test
    void two_members_in_one_instance_share_the_partitions_and_apply_each_event_once() throws Exception {
        String consumer = "probe-batch-members";
        String topic = "hallwatch.probe-members.v1";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        List<CloudEvent<TicketIssued>> events = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            String branch = "MEMBERS-" + b + "-" + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < 5; i++) {
                events.add(issued(branch, "A%03d".formatted(i)));
            }
        }
        events.forEach(e -> KafkaTestClient.produce(topic, e.key(), EventCodec.toBytes(e)));

        List<ConsumerLoop> members = probe.start(consumer, topic, 2);
        try {
            assertEquals(2, members.size());
            await().atMost(KAFKA_WAIT).until(() -> committed(consumer, topic) == events.size());
            // Members join one after the other: the second may get its partitions after the first read them all.
            await().atMost(KAFKA_WAIT).untilAsserted(() -> {
                try (Admin admin = admin()) {
                    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(consumer)).all()
                            .get(10, TimeUnit.SECONDS).get(consumer);
                    assertEquals(List.of(3, 3), group.members().stream().map(m -> m.assignment().topicPartitions().size()).toList(),
                            "two members, three of the six partitions each: " + group);
                    assertEquals(2, group.members().stream().map(MemberDescription::clientId).distinct().count(),
                            "each member its own client id");
                }
            });
        } finally {
            members.forEach(ConsumerLoop::stop);
        }
        assertEquals(events.size(), db.count("SELECT count(DISTINCT event_id) FROM probe_batch_applied WHERE consumer = ?", consumer));
        assertEquals(events.size(), db.count("SELECT count(*) FROM probe_batch_applied WHERE consumer = ?", consumer));
    }

    private static CloudEvent<TicketIssued> issued(String branch, String number) {
        return CloudEvent.of("/hallwatch/test", T0,
                new TicketIssued(UUID.randomUUID().toString(), branch, number, "PAYMENT", CustomerTier.NORMAL, T0, null));
    }

    /** The group's committed offsets on {@code topic}, summed over its partitions. */
    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).entrySet()
                    .stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()));
    }
}
