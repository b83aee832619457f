package io.hallwatch.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Every consumer group's lag on the broker, as an operator's lag exporter sees it: per group, the
 * last stable offsets ({@code read_committed}, as the services read) of all partitions of the
 * topics it reads, minus its committed offsets. The topics are fresh per run, so a partition it
 * has not committed on yet counts from 0.
 */
final class ConsumerLag implements AutoCloseable {
    record Group(String id, long committed, long end) {
        long lag() {
            return Math.max(0, end - committed);
        }
    }

    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    ConsumerLag(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Each group's committed and end offsets, summed over its partitions; by group id. */
    Map<String, Group> sample() throws Exception {
        Map<String, Group> groups = new TreeMap<>();
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            String id = g.groupId();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(id)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Set<String> topics = new HashSet<>();
            committed.keySet().forEach(tp -> topics.add(tp.topic()));
            admin.describeConsumerGroups(List.of(id)).all().get(10, TimeUnit.SECONDS).get(id).members()
                    .forEach(m -> m.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic())));
            if (topics.isEmpty()) {
                continue;
            }
            long sumCommitted = 0;
            long sumEnd = 0;
            Map<TopicPartition, Long> ends = endOffsets(topics);
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                sumCommitted += c == null ? 0 : c.offset();
                sumEnd += e.getValue();
            }
            groups.put(id, new Group(id, sumCommitted, sumEnd));
        }
        return groups;
    }

    /** Records on each topic so far (last stable offsets summed over partitions). */
    Map<String, Long> records(List<String> topics) throws Exception {
        Map<String, Long> sums = new TreeMap<>();
        endOffsets(new HashSet<>(topics)).forEach((tp, end) -> sums.merge(tp.topic(), end, Long::sum));
        return sums;
    }

    private Map<TopicPartition, Long> endOffsets(Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        for (String topic : topics) {
            for (TopicPartition tp : partitionsOf(topic)) {
                query.put(tp, OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(query, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private List<TopicPartition> partitionsOf(String topic) throws Exception {
        List<TopicPartition> known = partitions.get(topic);
        if (known == null) {
            known = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            partitions.put(topic, known);
        }
        return known;
    }

    @Override
    public void close() {
        admin.close();
    }
}
