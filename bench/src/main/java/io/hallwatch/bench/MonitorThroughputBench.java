package io.hallwatch.bench;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.ProducerWatermark;
import io.hallwatch.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark 2: how fast the SLA monitor's detection path (the packaged sla-monitor-service:
 * consumer, dedupe, journal, ticket facts, judge, timers, breaches) gets through a full topic,
 * against a raw {@link KafkaConsumer} reading the same records in the same run.
 * <p>
 * Two phases, because the monitor is started as a process in between by {@code bench/monitor-throughput}:
 * {@code fill} produces the events and measures the raw consumers; {@code measure} watches the
 * monitor's consumer group until its lag is zero and writes the table.
 */
public final class MonitorThroughputBench {
    private static final List<String> INPUTS = List.of(Topics.TICKETS, Topics.SERVICES);
    private static final String MONITOR_GROUP = "sla-monitor-timeline";

    public static void main(String[] args) throws Exception {
        String bootstrap = Machine.arg(args, "--bootstrap", "127.0.0.1:19092");
        Path state = Path.of(Machine.arg(args, "--state", "bench/target/platform/monitor-throughput.properties"));
        switch (args.length == 0 ? "" : args[0]) {
            case "fill" -> fill(bootstrap, state, Long.parseLong(Machine.arg(args, "--events", "1000000")),
                    Integer.parseInt(Machine.arg(args, "--tickets", "600")), Integer.parseInt(Machine.arg(args, "--counters", "5")));
            case "measure" -> measure(bootstrap, state, Long.parseLong(Machine.arg(args, "--monitor-pid", "-1")),
                    Duration.ofMinutes(Long.parseLong(Machine.arg(args, "--max-minutes", "40"))),
                    Path.of(Machine.arg(args, "--out", "bench/results/monitor-throughput.md")));
            default -> throw new IllegalArgumentException("usage: MonitorThroughputBench fill|measure [options]");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- fill

    /**
     * What the queue's and the counter's relays would promise once the day is on the topics: every
     * event up to now, below the topics' ends. Without it the monitor judges no deadline at all.
     */
    private static void promiseEverything(KafkaProducer<String, byte[]> producer, String bootstrap) throws Exception {
        Instant now = Instant.now();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            for (String[] input : new String[][]{{"queue-service", Topics.TICKETS}, {"counter-service", Topics.SERVICES}}) {
                List<TopicPartition> partitions = c.partitionsFor(input[1]).stream()
                        .map(p -> new TopicPartition(input[1], p.partition()))
                        .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
                Map<TopicPartition, Long> ends = c.endOffsets(partitions);
                CloudEvent<ProducerWatermark> mark = CloudEvent.of("/hallwatch/bench", now,
                        new ProducerWatermark(input[0], input[1], now, partitions.stream().map(ends::get).toList()));
                producer.send(new ProducerRecord<>(mark.topic(), mark.key(), EventCodec.toBytes(mark))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void fill(String bootstrap, Path state, long target, int ticketsPerDay, int counters) throws Exception {
        Properties result = new Properties();
        result.setProperty("load.start", Machine.load());
        // Yesterday's day in the branches' zone (09:00-21:00 Guangzhou), so every event is in the past
        // as it is for a monitor catching up after an outage, and the day's deadlines are all known.
        Instant opens = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(1, 0).toInstant(ZoneOffset.UTC);
        Random random = new Random(20261124L);
        long produced = 0;
        long bytes = 0;
        int branches = 0;
        long tickets = 0;
        long longWaits = 0;
        long overruns = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(bootstrap))) {
            while (produced < target) {
                String branch = String.format("BENCH-%04d", branches++);
                BranchDay.Day day = BranchDay.generate(branch, opens, Duration.ofHours(12), ticketsPerDay, counters, random);
                for (CloudEvent<?> event : day.events()) {
                    byte[] value = EventCodec.toBytes(event);
                    bytes += value.length;
                    producer.send(new ProducerRecord<>(event.topic(), event.key(), value), (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                produced += day.events().size();
                tickets += day.tickets();
                longWaits += day.longWaits();
                overruns += day.overruns();
                if (failure.get() != null) {
                    throw failure.get();
                }
                if (branches % 50 == 0) {
                    System.out.printf(Locale.ROOT, "  produced %,d events (%d branches)%n", produced, branches);
                }
            }
            producer.flush();
            promiseEverything(producer, bootstrap);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "produced %,d events of %d branches in %.1f s (%.0f/s, %.0f bytes each)%n",
                produced, branches, produceSeconds, produced / produceSeconds, (double) bytes / produced);
        result.setProperty("events", Long.toString(produced));
        result.setProperty("branches", Integer.toString(branches));
        result.setProperty("tickets", Long.toString(tickets));
        result.setProperty("long.waits", Long.toString(longWaits));
        result.setProperty("overruns", Long.toString(overruns));
        result.setProperty("bytes.per.event", Long.toString(bytes / produced));
        result.setProperty("produce.rate", Double.toString(produced / produceSeconds));

        Rate raw = rawConsumer(bootstrap, "bench-raw-" + System.nanoTime(), produced, false);
        System.out.printf(Locale.ROOT, "raw consumer: %,d records in %.2f s = %.0f/s%n", raw.records, raw.seconds, raw.perSecond());
        // Decoding is slower than reading; a sample is enough to show what it costs.
        Rate decoded = rawConsumer(bootstrap, "bench-raw-decode-" + System.nanoTime(), Math.min(produced, 200_000), true);
        System.out.printf(Locale.ROOT, "raw consumer + EventCodec: %,d records in %.2f s = %.0f/s%n", decoded.records,
                decoded.seconds, decoded.perSecond());
        result.setProperty("raw.records", Long.toString(raw.records));
        result.setProperty("raw.seconds", Double.toString(raw.seconds));
        result.setProperty("decoded.records", Long.toString(decoded.records));
        result.setProperty("decoded.seconds", Double.toString(decoded.seconds));
        Files.createDirectories(state.getParent());
        try (Writer w = Files.newBufferedWriter(state)) {
            result.store(w, "benchmark 2, fill phase");
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return p;
    }

    private record Rate(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    /**
     * The baseline: a plain consumer group member with the monitor's own consumer settings
     * (500 records a poll, read_committed), timed from its first record to its last, so that
     * joining the group is not counted, as it is not for the monitor.
     */
    private static Rate rawConsumer(String bootstrap, String group, long expected, boolean decode) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long count = 0;
        long first = 0;
        long checksum = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(INPUTS);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (count < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    checksum += decode ? EventCodec.fromBytes(r.value()).time().getNano() : r.value().length;
                    count++;
                }
                // A real consumer commits what it read; the raw one does too, once per poll.
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        }
        if (checksum == 42) {
            System.out.print(""); // keeps the reading from being optimised away
        }
        return new Rate(count, (System.nanoTime() - first) / 1e9);
    }

    // ---------------------------------------------------------------- measure

    private static void measure(String bootstrap, Path state, long monitorPid, Duration max, Path out) throws Exception {
        Properties fill = new Properties();
        try (Reader r = Files.newBufferedReader(state)) {
            fill.load(r);
        }
        long events = Long.parseLong(fill.getProperty("events"));
        List<String> lagLog = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> query = new HashMap<>();
            for (String topic : INPUTS) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(pi -> query.put(new TopicPartition(topic, pi.partition()), OffsetSpec.latest()));
            }
            long end = admin.listOffsets(query).all().get().values().stream().mapToLong(i -> i.offset()).sum();
            if (end != events) {
                throw new IllegalStateException("The input topics hold " + end + " records, the fill phase produced " + events);
            }
            long began = System.nanoTime();
            long deadline = began + max.toNanos();
            long firstAt = 0;
            long firstCommitted = 0;
            double cpuAtFirst = 0;
            double pgAtFirst = 0;
            double machineAtFirst = 0;
            long committed = 0;
            long lastLog = 0;
            while (committed < end && System.nanoTime() < deadline) {
                if (monitorPid > 0 && !ProcessHandle.of(monitorPid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IllegalStateException("The monitor process " + monitorPid + " exited; see its log");
                }
                committed = committed(admin);
                long now = System.nanoTime();
                if (committed > 0 && firstAt == 0) {
                    firstAt = now;
                    firstCommitted = committed;
                    cpuAtFirst = Machine.cpuSeconds(monitorPid);
                    pgAtFirst = Machine.cpuSecondsOfCommand("postgres");
                    machineAtFirst = Machine.machineBusySeconds();
                }
                if (now - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                    String line = String.format(Locale.ROOT, "%6.0f s  applied %,d of %,d  lag %,d  (%s)", (now - began) / 1e9,
                            committed, end, end - committed, Machine.load().replaceAll(".*average ", "load "));
                    System.out.println(line);
                    lagLog.add(line);
                    lastLog = now;
                }
                if (committed < end) {
                    Thread.sleep(200);
                }
            }
            long doneAt = System.nanoTime();
            if (firstAt == 0) {
                throw new IllegalStateException("The monitor applied nothing within " + max.toMinutes() + " min; see its log");
            }
            double cpu = Machine.cpuSeconds(monitorPid) - cpuAtFirst;
            double pg = pgAtFirst < 0 ? -1 : Machine.cpuSecondsOfCommand("postgres") - pgAtFirst;
            double machine = Machine.machineBusySeconds() - machineAtFirst;
            double seconds = (doneAt - firstAt) / 1e9;
            long applied = committed - firstCommitted;
            boolean finished = committed >= end;
            String table = table(fill, applied, seconds, finished, end - committed, cpu, pg, machine,
                    Machine.residentMb(monitorPid));
            System.out.println();
            System.out.println(table);
            String report = "# Benchmark 2: monitor throughput\n\n"
                    + "Run `bench/monitor-throughput` (" + Instant.now() + ", " + Machine.describe() + ").\n"
                    + "Load at start: " + fill.getProperty("load.start") + ". Load at end: " + Machine.load() + ".\n\n"
                    + String.format(Locale.ROOT, "Input: %,d events (%s bytes each on average) from %s branches' days of %s tickets "
                            + "(%s waits of 15 min or more, %s services over their limit), keyed by branch on the %d partitions of %s "
                            + "and %s, produced at %.0f events/s by one raw producer.%n%n", events, fill.getProperty("bytes.per.event"),
                    fill.getProperty("branches"), Long.parseLong(fill.getProperty("tickets")) / Integer.parseInt(fill.getProperty("branches")),
                    fill.getProperty("long.waits"), fill.getProperty("overruns"), query.size(), Topics.TICKETS, Topics.SERVICES,
                    Double.parseDouble(fill.getProperty("produce.rate")))
                    + table + "\nProgress of the monitor's consumer group:\n\n```\n" + String.join("\n", lagLog) + "\n```\n";
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println("written to " + out);
        }
    }

    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(MONITOR_GROUP)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> INPUTS.contains(e.getKey().topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static String table(Properties fill, long applied, double seconds, boolean finished, long lagLeft, double cpu,
                                double pg, double machine, double rssMb) {
        double raw = Double.parseDouble(fill.getProperty("raw.records")) / Double.parseDouble(fill.getProperty("raw.seconds"));
        double decoded = Double.parseDouble(fill.getProperty("decoded.records")) / Double.parseDouble(fill.getProperty("decoded.seconds"));
        double monitor = applied / seconds;
        StringBuilder sb = new StringBuilder();
        sb.append("| reader | events | seconds | events/s | × raw consumer |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: |\n");
        sb.append(String.format(Locale.ROOT, "| baseline: raw KafkaConsumer (bytes only, commit per poll) | %,d | %.2f | %,.0f | 1.00 |%n",
                Long.parseLong(fill.getProperty("raw.records")), Double.parseDouble(fill.getProperty("raw.seconds")), raw));
        sb.append(String.format(Locale.ROOT, "| raw KafkaConsumer + EventCodec decode (first records only) | %,d | %.2f | %,.0f | %.2f |%n",
                Long.parseLong(fill.getProperty("decoded.records")), Double.parseDouble(fill.getProperty("decoded.seconds")), decoded,
                decoded / raw));
        sb.append(String.format(Locale.ROOT, "| sla-monitor-service detection path (group lag to 0) | %,d | %.2f | %,.0f | %.3f |%n",
                applied, seconds, monitor, monitor / raw));
        sb.append(String.format(Locale.ROOT, "%nTargets: ≥ 0.3× the raw consumer: %s (%.3f×); ≥ 20,000 events/s: %s (%,.0f/s, %.0f %% of it).%n",
                monitor / raw >= 0.3 ? "met" : "NOT met", monitor / raw, monitor >= 20000 ? "met" : "NOT met", monitor,
                100 * monitor / 20000));
        if (!finished) {
            sb.append(String.format(Locale.ROOT, "The time limit ended the run with %,d events still unapplied: the rate is over what was applied.%n",
                    lagLeft));
        }
        if (cpu >= 0) {
            sb.append(String.format(Locale.ROOT, "The monitor process used %.1f CPU seconds over those %.1f s (%.2f cores; %.0f µs of its CPU per event), "
                    + "resident %.0f MB at the end.%n", cpu, seconds, cpu / seconds, 1e6 * cpu / applied, rssMb));
        }
        if (pg >= 0) {
            sb.append(String.format(Locale.ROOT, "PostgreSQL's processes on this machine used %.1f CPU seconds (%.2f cores; %.0f µs per event).%n",
                    pg, pg / seconds, 1e6 * pg / applied));
        }
        if (machine >= 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            sb.append(String.format(Locale.ROOT, "The whole machine was busy %.1f CPU seconds of the %.1f its %d cores had (%.0f %%).%n",
                    machine, seconds * cores, cores, 100 * machine / (seconds * cores)));
        }
        return sb.toString();
    }
}
