package io.hallwatch.common.standard;

import io.hallwatch.common.consumer.DeadLetters;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.events.StandardChanged;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The service standard's replica against the real broker: read from the start, newest wins, poison to the DLQ. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class StandardReplicaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    StandardReplica replica;

    @Test
    void the_standard_topic_is_compacted_with_one_partition() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.STANDARD);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            assertEquals(1, admin.describeTopics(List.of(Topics.STANDARD)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.STANDARD).partitions().size());
        }
    }

    @Test
    void a_newer_version_replaces_the_one_in_force_an_older_one_never_does_and_poison_goes_to_the_dlq() {
        publish(version(10, 120));
        await().atMost(WAIT).until(() -> replica.current().map(StandardChanged::version).orElse(0) == 10);
        assertEquals(Duration.ofSeconds(120), StandardResolver.handlingLimit(replica.require(), "B1", "PAYMENT", null));

        publish(version(9, 999));
        KafkaTestClient.produce(Topics.STANDARD, StandardChanged.KEY, "{not an event".getBytes(StandardCharsets.UTF_8));
        publish(version(11, 90));

        await().atMost(WAIT).until(() -> replica.require().version() == 11);
        assertEquals(Duration.ofSeconds(90), StandardResolver.handlingLimit(replica.require(), "B1", "PAYMENT", null));
        assertFalse(KafkaTestClient.readUntil(Topics.dlq(Topics.STANDARD), WAIT, records -> records.stream()
                .anyMatch(r -> new String(r.headers().lastHeader(DeadLetters.CATEGORY).value(), StandardCharsets.UTF_8)
                        .equals("malformed"))).isEmpty());
        assertEquals(11, replica.require().version(), "version 9, read after 10, changed nothing");
    }

    private static void publish(StandardChanged version) {
        StandardTestResource.publish(version);
    }

    private static StandardChanged version(int number, int paymentSeconds) {
        return new StandardChanged(number, Instant.parse("2026-12-01T00:00:00Z"), "admin-1", "test",
                new ServiceStandard(new ServiceStandard.Defaults(900, 600, 0.8), new ServiceStandard.BranchAverage(3600, 900),
                        List.of(new ServiceStandard.BusinessTypeLimits("PAYMENT", null, paymentSeconds)), List.of()),
                List.of());
    }
}
