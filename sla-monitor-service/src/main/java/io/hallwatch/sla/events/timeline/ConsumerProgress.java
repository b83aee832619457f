package io.hallwatch.sla.events.timeline;

import io.hallwatch.common.kafka.KafkaClients;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.domain.detection.PartitionFence;
import io.hallwatch.sla.domain.detection.WatermarkBook;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far the monitor has applied its input topics: with the producers' watermarks, the facts the
 * lag rule needs. "Applied" is the consumer group's committed offset, which the consumer commits
 * only after the event's transaction committed; it is group-wide, so it holds whichever instance
 * owns a partition.
 */
@ApplicationScoped
public class ConsumerProgress {
    private static final Logger LOG = Logger.getLogger(ConsumerProgress.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> INPUTS = List.of(Topics.TICKETS, Topics.SERVICES);

    /** For one branch: its partitions, and how far the monitor has applied them. */
    public record BranchLag(WatermarkBook.BranchPartitions partitions, long ticketsApplied, long servicesApplied) {
        public boolean passes(PartitionFence fence) {
            return fence.passedBy(ticketsApplied, servicesApplied);
        }
    }

    private final KafkaClients clients;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private volatile Admin admin;

    ConsumerProgress(KafkaClients clients) {
        this.clients = clients;
    }

    /** Each branch's partitions and how far the monitor has applied them. */
    public Map<String, BranchLag> snapshot(Collection<String> branches) {
        Map<TopicPartition, OffsetAndMetadata> applied = applied();
        Map<String, BranchLag> lags = new HashMap<>();
        for (String branch : branches) {
            WatermarkBook.BranchPartitions p = partitionsOf(branch);
            lags.put(branch, new BranchLag(p, offset(applied, new TopicPartition(Topics.TICKETS, p.tickets())),
                    offset(applied, new TopicPartition(Topics.SERVICES, p.services()))));
        }
        return lags;
    }

    /** Where a branch's records are on the two input topics. */
    public WatermarkBook.BranchPartitions partitionsOf(String branch) {
        return new WatermarkBook.BranchPartitions(BranchPartitions.of(branch, partitions(Topics.TICKETS)),
                BranchPartitions.of(branch, partitions(Topics.SERVICES)));
    }

    /** How far every partition is applied: per input topic (tickets, then services), by partition. */
    public List<long[]> appliedByInput() {
        Map<TopicPartition, OffsetAndMetadata> applied = applied();
        return INPUTS.stream().map(topic -> {
            long[] offsets = new long[partitions(topic)];
            for (int p = 0; p < offsets.length; p++) {
                offsets[p] = offset(applied, new TopicPartition(topic, p));
            }
            return offsets;
        }).toList();
    }

    /** The end offsets of every partition of both input topics. */
    private Map<TopicPartition, Long> inputEnds() {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        for (String topic : INPUTS) {
            for (int p = 0; p < partitions(topic); p++) {
                query.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        return ends(query);
    }

    /** Records published but not yet applied, per input topic, over all partitions. */
    public Map<String, Long> lagByTopic() {
        Map<TopicPartition, Long> ends = inputEnds();
        Map<TopicPartition, OffsetAndMetadata> applied = applied();
        Map<String, Long> lag = new HashMap<>();
        ends.forEach((tp, end) -> lag.merge(tp.topic(), Math.max(0, end - offset(applied, tp)), Long::sum));
        return lag;
    }

    private static long offset(Map<TopicPartition, OffsetAndMetadata> applied, TopicPartition tp) {
        OffsetAndMetadata o = applied.get(tp);
        return o == null ? 0 : o.offset();
    }

    private Map<TopicPartition, Long> ends(Map<TopicPartition, OffsetSpec> query) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        // read_committed, as the monitor's consumer reads.
        get(admin().listOffsets(query, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private Map<TopicPartition, OffsetAndMetadata> applied() {
        return get(admin().listConsumerGroupOffsets(TimelineRecorder.CONSUMER).partitionsToOffsetAndMetadata());
    }

    private int partitions(String topic) {
        return partitionCounts.computeIfAbsent(topic, t -> {
            Map<String, TopicDescription> described = get(admin().describeTopics(List.of(t)).allTopicNames());
            return described.get(t).partitions().size();
        });
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers(),
                            AdminClientConfig.CLIENT_ID_CONFIG, "sla-monitor-progress",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
                }
                a = admin;
            }
        }
        return a;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException(e.getClass().getSimpleName(), e);
        }
    }

    /** Connects at start, so that the first deadline of the day does not pay for it. */
    void onStart(@Observes StartupEvent event) {
        try {
            INPUTS.forEach(this::partitions);
        } catch (RuntimeException e) {
            LOG.warnf("Kafka not reachable yet to read the input topics' partitions (%s); will retry on first use",
                    e.getClass().getSimpleName());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }

    /** The broker could not say how far the topics reach: the lag rule cannot be checked, so timers wait. */
    public static class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
