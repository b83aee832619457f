package io.hallwatch.reliability;

import io.hallwatch.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.testsupport.PhoneStandInProcess;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.TestKeys;
import io.hallwatch.testsupport.jwt.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services, each on its own fresh database, on a broker process, on the demo's
 * 60x clock; plus what the oracle reads back: rows over JDBC, records with a plain consumer, the
 * consumer groups' lag.
 */
final class Platform implements AutoCloseable {
    static final String QUEUE = "queue-service";
    static final String COUNTER = "counter-service";
    static final String SLA = "sla-monitor-service";
    static final String MARKETING = "marketing-service";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final BrokerProcess broker;
    /** The duty managers' phones: what the alerting sent, read back to prove nothing was doubled. */
    PhoneStandInProcess phone;
    private final Map<String, PostgresTestResource> databases = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> dbConfig = new HashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** What each service was started with: a second replica gets the same. */
    private final Map<String, Map<String, String>> configs = new HashMap<>();
    /** With {@link #addReplicas()}: each service's replicas (the first is {@link #service}) and the round-robin in front. */
    private final Map<String, List<ServiceProcess>> replicas = new LinkedHashMap<>();
    private final Map<String, RoundRobinProcess> roundRobins = new LinkedHashMap<>();
    private Instant clockEpoch;
    private Instant clockRealStart;

    /** The consumer groups each service runs (the services' {@code CONSUMER} constants); counter-service runs none. */
    static final Map<String, List<String>> CONSUMER_GROUPS = Map.of(QUEUE, List.of("queue-service-progress"), COUNTER, List.of(),
            SLA, List.of("sla-monitor-timeline", "sla-alerting"), MARKETING, List.of("marketing-moments"));

    private Platform(BrokerProcess broker) {
        this.broker = broker;
    }

    static Platform start(Map<String, String> extra) throws IOException {
        return start(extra, Map.of());
    }

    /** {@code ownDatabases}: a service's datasource given by the scenario (a cluster it may stop). */
    static Platform start(Map<String, String> extra, Map<String, Map<String, String>> ownDatabases) throws IOException {
        Platform p = new Platform(BrokerProcess.start());
        try {
            // The simulated day starts at 09:00 in Guangzhou, as in the demo, so opening hours hold for the whole run.
            Instant epoch = LocalDate.now(ZoneOffset.UTC).atTime(1, 0).toInstant(ZoneOffset.UTC);
            p.clockEpoch = epoch;
            p.clockRealStart = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Map<String, String> shared = new HashMap<>(Map.of("kafka.bootstrap.servers", p.broker.bootstrapServers(),
                    "hallwatch.clock.scale", "60", "hallwatch.clock.epoch", epoch.toString(),
                    "hallwatch.clock.real-start", p.clockRealStart.toString(),
                    "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toString(),
                    "smallrye.jwt.sign.key.location", TestKeys.privateKeyFile().toString()));
            shared.putAll(extra);
            for (String name : List.of(QUEUE, COUNTER, SLA, MARKETING)) {
                if (ownDatabases.containsKey(name)) {
                    p.dbConfig.put(name, ownDatabases.get(name));
                    continue;
                }
                PostgresTestResource db = new PostgresTestResource();
                p.databases.put(name, db);
                p.dbConfig.put(name, db.start());
            }
            p.phone = PhoneStandInProcess.start(ServiceProcess.ROOT, ServiceProcess.ROOT.resolve(
                    "reliability/target/phone-" + UUID.randomUUID().toString().substring(0, 8) + ".log"));
            Map<String, String> alerting = new HashMap<>(p.phone.monitorConfig());
            // A sender's lease is platform time (60x): 30 minutes are 30 real seconds, far beyond a
            // send, so only a killed sender's claim runs out.
            alerting.put("hallwatch.alerting.delivery-lease", "PT30M");
            // The monitor first: it owns the service standard, which the queue and the counter wait for.
            p.services.put(SLA, ServiceProcess.start(SLA, p.config(SLA, shared, alerting)));
            p.services.put(QUEUE, ServiceProcess.start(QUEUE, p.config(QUEUE, shared, Map.of())));
            p.services.put(COUNTER, ServiceProcess.start(COUNTER, p.config(COUNTER, shared,
                    Map.of("quarkus.rest-client.queue-service.url", p.service(QUEUE).url("")))));
            p.services.put(MARKETING, ServiceProcess.start(MARKETING, p.config(MARKETING, shared, Map.of())));
            return p;
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    private Map<String, String> config(String name, Map<String, String> shared, Map<String, String> own) {
        Map<String, String> config = new HashMap<>(dbConfig.get(name));
        config.putAll(shared);
        config.putAll(own);
        configs.put(name, Map.copyOf(config));
        return config;
    }

    /** The platform's (60x) clock at the real instant {@code real}, as the services compute it. */
    Instant platformTime(Instant real) {
        return clockEpoch.plusNanos(Duration.between(clockRealStart, real).toNanos() * 60);
    }

    // ---- replicas ----------------------------------------------------------------------------------

    /**
     * Scales every service out to two replicas: a second {@link ServiceProcess} of each on its own free
     * port, with the first one's database, broker and configuration, and a round-robin
     * ({@code deploy/local/RoundRobin.java}, as {@code HALLWATCH_REPLICAS=2 ./hallwatch start} runs it) in front
     * of the two. Both counter-service replicas call the queue-service through its round-robin (the first one is
     * restarted with that address). The scenarios before this one are untouched: they run on one replica each.
     */
    void addReplicas() throws Exception {
        if (!replicas.isEmpty()) {
            return;
        }
        // Each round-robin's port stays bound here until its round-robin starts: a replica starting meanwhile, asking
        // the kernel for a free port of its own, could otherwise be given the same one (it happened).
        Map<String, java.net.ServerSocket> reserved = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Integer> listen = new LinkedHashMap<>();
        for (String name : services.keySet()) {
            java.net.ServerSocket socket = new java.net.ServerSocket(0);
            reserved.put(name, socket);
            listen.put(name, socket.getLocalPort());
        }
        try {
            startReplicas(listen, reserved);
        } finally {
            for (java.net.ServerSocket socket : reserved.values()) {
                socket.close();
            }
        }
    }

    /** The round-robin on its reserved port, the reservation let go first. */
    private RoundRobinProcess roundRobin(String name, Map<String, Integer> listen, Map<String, java.net.ServerSocket> reserved,
                                         List<Integer> replicaPorts) throws IOException {
        reserved.remove(name).close();
        return RoundRobinProcess.start(name, listen.get(name), replicaPorts);
    }

    private void startReplicas(Map<String, Integer> listen, Map<String, java.net.ServerSocket> reserved) throws Exception {
        String queueEntry = "http://127.0.0.1:" + listen.get(QUEUE);
        Map<String, String> viaRoundRobin = Map.of("quarkus.rest-client.queue-service.url", queueEntry);
        Map<String, Map<String, String>> second = new LinkedHashMap<>();
        for (String name : services.keySet()) {
            Map<String, String> c = new HashMap<>(configs.get(name));
            if (name.equals(COUNTER)) {
                c.putAll(viaRoundRobin);
            }
            second.put(name, c);
        }
        // The JVMs start side by side (they are mostly waiting for their database and the broker); the counter-service's
        // two only once the queue-service's round-robin answers (their readiness asks the queue-service through it).
        var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            Map<String, CompletableFuture<ServiceProcess>> started = new LinkedHashMap<>();
            for (String name : List.of(SLA, QUEUE, MARKETING)) {
                started.put(name, CompletableFuture.supplyAsync(() -> unchecked(() -> ServiceProcess.start(name, second.get(name))), pool));
            }
            CompletableFuture<Void> queueEntryUp = started.get(QUEUE).thenAccept(q -> unchecked(() -> roundRobins.put(QUEUE,
                    roundRobin(QUEUE, listen, reserved, List.of(services.get(QUEUE).port(), q.port())))));
            started.put(COUNTER, queueEntryUp.thenApplyAsync(v -> unchecked(() -> ServiceProcess.start(COUNTER, second.get(COUNTER))), pool));
            CompletableFuture<Duration> counterAgain = queueEntryUp.thenApplyAsync(v -> unchecked(() -> {
                ServiceProcess first = services.get(COUNTER);
                first.close();
                return first.restart(viaRoundRobin);
            }), pool);
            List<Throwable> failures = new ArrayList<>();
            for (var e : started.entrySet()) {
                try {
                    replicas.put(e.getKey(), List.of(services.get(e.getKey()), e.getValue().get(4, TimeUnit.MINUTES)));
                } catch (Exception failure) {
                    failures.add(failure.getCause() == null ? failure : failure.getCause());
                }
            }
            try {
                counterAgain.get(4, TimeUnit.MINUTES);
            } catch (Exception failure) {
                failures.add(failure.getCause() == null ? failure : failure.getCause());
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("second replicas did not start: " + failures, failures.get(0));
            }
        } finally {
            pool.shutdown();
        }
        for (String name : List.of(SLA, COUNTER, MARKETING)) {
            roundRobins.put(name, roundRobin(name, listen, reserved, replicas.get(name).stream().map(ServiceProcess::port).toList()));
        }
        // In the services' order, as the other maps.
        Map<String, List<ServiceProcess>> ordered = new LinkedHashMap<>();
        services.keySet().forEach(name -> ordered.put(name, replicas.get(name)));
        replicas.clear();
        replicas.putAll(ordered);
    }

    private static <T> T unchecked(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** A service's replicas, the first being {@link #service}: one without {@link #addReplicas()}. */
    List<ServiceProcess> replicas(String name) {
        return replicas.getOrDefault(name, List.of(services.get(name)));
    }

    /** Where callers reach {@code name}: its round-robin once there are replicas, else its one process. */
    String entry(String name) {
        RoundRobinProcess rr = roundRobins.get(name);
        return rr == null ? service(name).url("") : rr.url();
    }

    /** What a restarted replica of {@code name} is given so that it reaches the others through their round-robins. */
    Map<String, String> replicaChanges(String name) {
        return name.equals(COUNTER) && roundRobins.containsKey(QUEUE)
                ? Map.of("quarkus.rest-client.queue-service.url", roundRobins.get(QUEUE).url()) : Map.of();
    }

    /** One consumer group as the coordinator sees it: its state, members and the partitions they hold. */
    record GroupView(String group, String state, int members, java.util.Set<TopicPartition> assigned,
                     Map<String, java.util.Set<TopicPartition>> byMember) {
        /** The partitions that members of {@code before} no longer in this view held then: what a dead member left. */
        java.util.Set<TopicPartition> leftBy(GroupView before) {
            java.util.Set<TopicPartition> out = new java.util.TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
            before.byMember().forEach((member, partitions) -> {
                if (!byMember.containsKey(member)) {
                    out.addAll(partitions);
                }
            });
            return out;
        }
    }

    Map<String, GroupView> describeGroups(java.util.Collection<String> groups) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<String, GroupView> out = new TreeMap<>();
            for (var e : admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS).entrySet()) {
                java.util.Set<TopicPartition> assigned = new java.util.HashSet<>();
                Map<String, java.util.Set<TopicPartition>> byMember = new HashMap<>();
                e.getValue().members().forEach(m -> {
                    assigned.addAll(m.assignment().topicPartitions());
                    byMember.put(m.consumerId(), Set.copyOf(m.assignment().topicPartitions()));
                });
                out.put(e.getKey(), new GroupView(e.getKey(), e.getValue().groupState().name(), e.getValue().members().size(),
                        assigned, byMember));
            }
            return out;
        }
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /** A branch open all day that offers payment and general business, with one counter. */
    String newBranch(String prefix) throws Exception {
        String branch = prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        call(QUEUE, "PUT", "/api/v1/branches/" + branch, """
                {"name":"可靠性营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["PAYMENT","GENERAL"]}""", 201);
        call(COUNTER, "PUT", "/api/v1/branches/" + branch + "/counters/C01",
                "{\"label\":\"1号台\",\"vip\":false,\"skills\":[\"PAYMENT\",\"GENERAL\"]}", 201);
        return branch;
    }

    /**
     * Gives {@code branch} a duty roster: one duty manager all day on WeCom (so that each message's
     * text, with its ticket numbers, is in the phone log), an area and a regional manager above.
     * Returns the duty manager's WeCom id, as the log names the recipient.
     */
    String dutyRoster(String branch) throws Exception {
        String tag = branch.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String days = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]";
        call(SLA, "PUT", "/api/v1/branches/" + branch + "/duty-roster", """
                {"shifts":[{"days":%s,"from":"00:00","to":"23:59","managers":[
                   {"staffId":"dm-%s","channels":[{"type":"WECOM","address":"dm.%s"}]}]}],
                 "escalation":{"areaManager":{"staffId":"area-%s","channels":[{"type":"WECOM","address":"area.%s"}]},
                               "regionalManager":{"staffId":"region-%s","channels":[{"type":"WECOM","address":"region.%s"}]}},
                 "openingHours":[{"days":%s,"opens":"00:00","closes":"23:59"}]}""".formatted(days, tag, tag, tag, tag, tag, tag, days), 200);
        return "@dm." + tag;
    }

    String call(String service, String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service(service).url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", Tokens.allAccess().bearer());
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected >= 0 && response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    // ---- the databases -------------------------------------------------------------------------

    Connection jdbc(String service) throws SQLException {
        Map<String, String> c = dbConfig.get(service);
        return DriverManager.getConnection(c.get("quarkus.datasource.jdbc.url"), c.get("quarkus.datasource.username"),
                c.get("quarkus.datasource.password"));
    }

    List<String> strings(String service, String sql, Object... args) throws SQLException {
        try (Connection c = jdbc(service); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** Every table's row count and content digest, to prove rejected requests wrote nothing. */
    Map<String, String> fingerprint(String service) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = jdbc(service); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') FROM \""
                        + t + "\" x")) {
                    rs.next();
                    out.put(t, rs.getString(1));
                }
            }
        }
        return out;
    }

    // ---- the broker ------------------------------------------------------------------------------

    private Map<String, Object> clientConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    }

    /** Everything on {@code topic} from the beginning to the end offsets as of now, in partition order. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reliability-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(java.util.Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** The CloudEvents on {@code topic} of the given type, as JSON trees, in partition order. */
    List<JsonNode> events(String topic, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : readAll(topic)) {
            try {
                JsonNode n = JSON.readTree(r.value());
                if (n != null && type.equals(n.path("type").asText())) {
                    out.add(n);
                }
            } catch (IOException e) {
                // a poison record the suite itself produced
            }
        }
        return out;
    }

    /** Produces one record and returns where it landed, as "topic/partition/offset". */
    String produce(String topic, String key, byte[] value) throws Exception {
        Map<String, Object> config = new HashMap<>(clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            var at = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            return topic + "/" + at.partition() + "/" + at.offset();
        }
    }

    /** Sum over every consumer group of (end offset - committed offset) on the topics it reads. */
    long consumerLag() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            long lag = 0;
            for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                if (group.groupId().startsWith("reliability-reader-")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (var e : committed.entrySet()) {
                    long at = e.getValue() == null ? 0 : e.getValue().offset();
                    lag += Math.max(0, ends.get(e.getKey()).offset() - at);
                }
            }
            return lag;
        }
    }

    @Override
    public void close() {
        roundRobins.values().forEach(RoundRobinProcess::close);
        replicas.values().forEach(r -> r.subList(1, r.size()).forEach(ServiceProcess::close));
        List<ServiceProcess> reverse = new ArrayList<>(services.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(ServiceProcess::close);
        broker.close();
        if (phone != null) {
            phone.close();
        }
        databases.values().forEach(PostgresTestResource::stop);
    }
}
