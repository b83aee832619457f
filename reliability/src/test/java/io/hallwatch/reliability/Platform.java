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
import java.util.UUID;
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
            Map<String, String> shared = new HashMap<>(Map.of("kafka.bootstrap.servers", p.broker.bootstrapServers(),
                    "hallwatch.clock.scale", "60", "hallwatch.clock.epoch", epoch.toString(),
                    "hallwatch.clock.real-start", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
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
        return config;
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
