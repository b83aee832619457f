package io.hallwatch.testsupport;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.events.StandardChanged;
import io.hallwatch.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * For the tests of a service that follows the service standard without owning it (queue, counter):
 * publishes a version of it on the real broker's compacted topic, as its owner (the SLA monitor)
 * would at start, and turns the service's replica on. Declare it after {@link KafkaTestResource}.
 * Tests that change the standard publish a newer version with {@link #publish}.
 */
public class StandardTestResource implements QuarkusTestResourceLifecycleManager {

    /** Version 1 as the owner seeds it from domain.md: the tests' expectations are written against these. */
    public static final StandardChanged DOMAIN_STANDARD = new StandardChanged(1, Instant.EPOCH, "system",
            "the service standard (domain.md)",
            new ServiceStandard(new ServiceStandard.Defaults(900, 600, 0.8), new ServiceStandard.BranchAverage(3600, 900),
                    List.of(limits("BROADBAND", 600), limits("CLOSE_ACCOUNT", 600), limits("COMPLAINT", 900),
                            limits("CONSULT", 300), limits("GENERAL", 300), limits("NEW_LINE", 480),
                            limits("PAYMENT", 120), limits("SIM", 300)),
                    List.of()),
            List.of());

    private static boolean published;

    @Override
    public Map<String, String> start() {
        synchronized (StandardTestResource.class) {
            if (!published) {
                publish(DOMAIN_STANDARD);
                published = true;
            }
        }
        return Map.of("hallwatch.standard.follow", "true");
    }

    @Override
    public void stop() {
        // The topic is the broker's, which outlives a Quarkus restart.
    }

    @Override
    public int order() {
        return 10;
    }

    /** Publishes a version, creating the compacted topic as the services would where it is missing. */
    public static void publish(StandardChanged version) {
        ensureTopic();
        CloudEvent<StandardChanged> event = CloudEvent.of("/hallwatch/sla-monitor-service", version.effectiveFrom(), version);
        KafkaTestClient.produce(Topics.STANDARD, event.key(), EventCodec.toBytes(event));
    }

    /** The domain standard with one business type's handling limit changed, as version {@code version}. */
    public static StandardChanged withHandlingLimit(int version, String businessType, int seconds) {
        ServiceStandard s = DOMAIN_STANDARD.standard();
        List<ServiceStandard.BusinessTypeLimits> types = s.businessTypes().stream()
                .map(t -> t.businessType().equals(businessType) ? limits(businessType, seconds) : t).toList();
        return new StandardChanged(version, Instant.EPOCH, "admin-test", "test",
                new ServiceStandard(s.defaults(), s.branchAverage(), types, s.overrides()), List.of());
    }

    private static ServiceStandard.BusinessTypeLimits limits(String type, int handlingSeconds) {
        return new ServiceStandard.BusinessTypeLimits(type, null, handlingSeconds);
    }

    private static void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.STANDARD, 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + Topics.STANDARD, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + Topics.STANDARD, e);
        }
    }
}
