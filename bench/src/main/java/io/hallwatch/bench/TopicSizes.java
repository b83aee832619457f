package io.hallwatch.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What each of the platform's topics holds on the broker's disk per record, for the capacity figures (Kafka's
 * retention in bytes): its partitions' log sizes over the records a reader sees ({@code read_committed}, as the
 * services read: the relay's transaction markers take offsets and bytes but are no records). The records are counted
 * by reading them, since offsets count the markers too.
 */
final class TopicSizes {
    private TopicSizes() {
    }

    /** {@code --bootstrap host:port --out FILE}: the table of the platform's topics into FILE. */
    public static void main(String[] args) throws Exception {
        java.nio.file.Files.writeString(java.nio.file.Path.of(Machine.arg(args, "--out", "bench/target/topics.md")),
                table(Machine.arg(args, "--bootstrap", "127.0.0.1:19092"), "hallwatch."));
        System.exit(0);
    }

    /** A Markdown table, a row per topic whose name starts with {@code prefix}, the DLQs left out, after a sentence saying what it counts. */
    static String table(String bootstrap, String prefix) throws Exception {
        Map<String, Long> bytes = new TreeMap<>();
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(Node::id).toList();
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values()) {
                for (LogDirDescription dir : dirs.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> r : dir.replicaInfos().entrySet()) {
                        String topic = r.getKey().topic();
                        if (topic.startsWith(prefix) && !topic.endsWith(".dlq")) {
                            bytes.merge(topic, r.getValue().size(), Long::sum);
                            partitions.add(r.getKey());
                        }
                    }
                }
            }
        }
        Map<String, long[]> read = new TreeMap<>(); // records, key + value bytes
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read the topics to their end within 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    long[] t = read.computeIfAbsent(r.topic(), k -> new long[2]);
                    t[0]++;
                    t[1] += Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
                }
            }
        }
        // The one account of what the figures are, for every report that includes the table.
        StringBuilder md = new StringBuilder("On the benchmark's broker (one replica), after the run: each topic's log size over the records a ")
                .append("`read_committed` reader counts (the outbox relays' transaction markers take bytes but are no records).\n\n")
                .append("| topic | records | MB on the broker's disk | bytes on disk per record | key and value bytes per record |\n")
                .append("| --- | ---: | ---: | ---: | ---: |\n");
        bytes.forEach((topic, size) -> {
            long[] t = read.getOrDefault(topic, new long[2]);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %s |%n", topic, t[0], size / 1048576.0,
                    t[0] == 0 ? "-" : Long.toString(size / t[0]), t[0] == 0 ? "-" : Long.toString(t[1] / t[0])));
        });
        return md.toString();
    }
}
