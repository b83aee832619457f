package io.hallwatch.common.kafka;

import io.hallwatch.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the platform's topics and their dead-letter topics where they are missing, before the
 * relay and the consumers start. A broker that is not up yet is not fatal: the relay and the
 * consumers retry, and the launcher creates the topics too.
 */
@ApplicationScoped
public class TopicInitializer {
    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    private final KafkaClients clients;
    private final KafkaConfig config;

    TopicInitializer(KafkaClients clients, KafkaConfig config) {
        this.clients = clients;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (config.createTopics()) {
            ensureTopics(Topics.allWithDeadLetters());
        }
    }

    /**
     * Creates the event topics named (with the configured partitions) and the compacted state topics
     * ({@link Topics#COMPACTED}: one partition, so that their one key has one order, and
     * {@code cleanup.policy=compact}, so that the latest record per key is kept for ever; those in
     * {@link Topics#EXPIRING} also lose records older than an hour).
     */
    public void ensureTopics(List<String> names) {
        ensure(java.util.stream.Stream.concat(names.stream(), Topics.COMPACTED.stream()).distinct().toList());
    }

    private NewTopic newTopic(String name) {
        if (Topics.EXPIRING.contains(name)) {
            return new NewTopic(name, 1, config.replicationFactor()).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topics.EXPIRING_RETENTION_MS),
                    TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Topics.EXPIRING_SEGMENT_MS)));
        }
        if (Topics.COMPACTED.contains(name)) {
            return new NewTopic(name, 1, config.replicationFactor())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return new NewTopic(name, config.partitions(), config.replicationFactor());
    }

    private void ensure(List<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(this::newTopic).toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(10, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("Cannot create topic %s: %s", name, e.getCause().getMessage());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (TimeoutException e) {
                    LOG.warnf("Timed out creating topic %s", name);
                }
            });
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Kafka not reachable to check topics (%s); continuing", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
