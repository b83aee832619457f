package io.hallwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketTransferred;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.ServiceProcess;
import io.hallwatch.testsupport.jwt.TestKeys;
import io.hallwatch.testsupport.jwt.Tokens;
import io.hallwatch.testsupport.lint.Tools;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo as {@code ./hallwatch} runs it: the four packaged services and the branch simulator on the launcher's
 * 60× platform clock (asked of the real script, {@code ./hallwatch clock}, on a state folder of this test's own in
 * which the processes' pids are recorded as the launcher records its own), and a real Prometheus (Debian's, through
 * {@link Tools#prometheus()}) scraping them with the repository's scrape configuration and rules.
 * <ol>
 *     <li>At about 10:30 simulated the monitor is killed with SIGKILL, customers keep arriving and waiting while it is
 *     down, and it is brought back the way the launcher does, with the clock the launcher hands out then: that clock
 *     is the platform's, every timer that fell due while it was down fires at once, flagged late, and every wait
 *     breach of the morning is on {@code hallwatch.sla.v1} once, never detected before its deadline, none missing
 *     and none false (an oracle from the ticket events).</li>
 *     <li>After three simulated hours of the simulator's load, every query of every panel of every Grafana dashboard,
 *     with its template variables resolved as Grafana would, answers through Prometheus's HTTP API with at least one
 *     series.</li>
 *     <li>{@code ./hallwatch stop} stops what was recorded and forgets the clock.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPlatformIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
    /** The simulator's branches: the two seeded demo halls and the one it creates. */
    private static final List<String> SIMULATED = List.of("GZ-TH-001", "SZ-FT-002", "SIM-001");
    private static final long WAIT_LIMIT_SECONDS = 900;
    /** The monitor's {@code hallwatch.sla.late-after}: a finding detected later than this after its deadline is late. */
    private static final Duration LATE_AFTER = Duration.ofSeconds(5);
    /** Well past {@link #LATE_AFTER} on the 60x clock (a real second): a breach detected this late must say so. */
    /**
     * How soon after the restarted monitor reports ready (platform time: 10 real seconds) it has fired what fell due
     * while it was down: its consumers' group join; not the broker's wait for the killed members (45 s by Kafka's default).
     */
    private static final Duration CATCH_UP = Duration.ofMinutes(10);
    /** How the dashboards show 0 for a counter nothing has counted yet. */
    private static final String ZERO_FALLBACK = " or on() vector(0)";
    private static final Duration CLEARLY_LATE = LATE_AFTER.plusSeconds(55);
    private static final Map<String, Map<String, String>> DATABASES = new HashMap<>();
    private static final PostgresTestResource QUEUE_DB = new PostgresTestResource();
    private static final PostgresTestResource COUNTER_DB = new PostgresTestResource();
    private static final PostgresTestResource SLA_DB = new PostgresTestResource();
    private static final PostgresTestResource MARKETING_DB = new PostgresTestResource();
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    private static final Path LOGS = Path.of("target/service-logs").toAbsolutePath();

    private static Launcher launcher;
    private static Launcher.Clock clock;
    private static Process simulator;
    private static Process prometheus;
    private static int prometheusPort;
    /** The restart test's branch, where nobody is ever called: every ticket's wait breaches. */
    private static String restartBranch;

    @BeforeAll
    static void startTheDemo() throws Exception {
        launcher = Launcher.fresh("demo-home");
        clock = launcher.clock();
        assertEquals(60.0, clock.scale(), "the demo's clock");
        Map<String, String> shared = new HashMap<>(clock.properties());
        shared.put("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers());
        shared.put("mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toString());
        shared.put("smallrye.jwt.sign.key.location", TestKeys.privateKeyFile().toString());
        // The monitor first: it owns the service standard, which the queue and the counter wait for.
        start("sla-monitor-service", SLA_DB, shared, Map.of());
        start("queue-service", QUEUE_DB, shared, Map.of());
        start("counter-service", COUNTER_DB, shared, Map.of("quarkus.rest-client.queue-service.url", service("queue-service").url("")));
        start("marketing-service", MARKETING_DB, shared, Map.of());
        prometheus = startPrometheus();
        simulator = startSimulator();
        launcher.recordPid("simulator", simulator.pid());
    }

    private static void start(String name, PostgresTestResource db, Map<String, String> shared, Map<String, String> own) throws Exception {
        Map<String, String> config = new HashMap<>(db.start());
        DATABASES.put(name, Map.copyOf(config));
        config.putAll(shared);
        config.putAll(own);
        ServiceProcess p = ServiceProcess.start(name, config);
        SERVICES.put(name, p);
        launcher.recordPid(name, p.pid());
    }

    private static ServiceProcess service(String name) {
        return SERVICES.get(name);
    }

    /** The simulator's jar as the launcher starts it: the same clock, the callers' signing key, the services' addresses. */
    private static Process startSimulator() throws IOException {
        Path jar = ServiceProcess.ROOT.resolve("simulator/target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run 'mvn verify' (which packages the simulator first)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:TieredStopAtLevel=1"));
        clock.properties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dsmallrye.jwt.sign.key.location=" + TestKeys.privateKeyFile());
        command.add("-Dhallwatch.simulator.queue-url=" + service("queue-service").url(""));
        command.add("-Dhallwatch.simulator.counter-url=" + service("counter-service").url(""));
        command.add("-Dhallwatch.simulator.sla-url=" + service("sla-monitor-service").url(""));
        command.add("-Dhallwatch.simulator.marketing-url=" + service("marketing-service").url(""));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(LOGS);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(LOGS.resolve("demo-simulator.log").toFile())).start();
    }

    /**
     * A real Prometheus with the repository's configuration ({@code deploy/prometheus/prometheus.yml}: its jobs and its
     * rule files), each job's target moved to the port its service runs on here, and a 1 s scrape and rule evaluation
     * so that three simulated hours (three real minutes) leave enough samples for every range the panels read.
     */
    private static Process startPrometheus() throws Exception {
        Path deploy = ServiceProcess.ROOT.resolve("deploy/prometheus");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode config = (ObjectNode) yaml.readTree(deploy.resolve("prometheus.yml").toFile());
        ObjectNode global = (ObjectNode) config.path("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        config.remove("alerting"); // the alert rules are checked by promtool's unit tests; no Alertmanager here
        ArrayNode rules = config.putArray("rule_files");
        yaml.readTree(deploy.resolve("prometheus.yml").toFile()).path("rule_files")
                .forEach(f -> rules.add(deploy.resolve(f.asText()).toString()));
        assertTrue(rules.size() >= 2, "the repository's rule files");
        for (JsonNode job : config.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            ServiceProcess target = service(name.replaceFirst("^hallwatch-", ""));
            assertTrue(target != null, "job " + name + " names no service of the platform");
            // Here one process per service on a port of its own, in place of the replicas the name's A records list.
            ((ObjectNode) job).remove("dns_sd_configs");
            ((ObjectNode) job).putArray("static_configs").addObject().putArray("targets").add("127.0.0.1:" + target.port());
        }
        Path dir = Path.of("target/prometheus").toAbsolutePath();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("prometheus.yml");
        yaml.writeValue(file.toFile(), config);
        prometheusPort = ServiceProcess.freePort();
        Process p = new ProcessBuilder(Tools.prometheus().toString(), "--config.file=" + file,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(LOGS.resolve("demo-prometheus.log").toFile())).start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertTrue(p.isAlive(), "prometheus exited: " + Files.readString(LOGS.resolve("demo-prometheus.log")));
            return status(prometheus("/-/ready")) == 200;
        });
        return p;
    }

    @AfterAll
    static void stopTheDemo() {
        if (simulator != null) {
            simulator.destroyForcibly();
        }
        if (prometheus != null) {
            prometheus.destroy();
        }
        for (String name : List.of("marketing-service", "counter-service", "queue-service", "sla-monitor-service")) {
            if (service(name) != null) {
                service(name).close();
            }
        }
        MARKETING_DB.stop();
        SLA_DB.stop();
        COUNTER_DB.stop();
        QUEUE_DB.stop();
    }

    @Test
    @Order(1)
    void a_monitor_killed_and_restarted_the_launchers_way_keeps_the_platforms_time_and_publishes_every_breach_once() throws Exception {
        restartBranch = "RST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ServiceProcess queue = service("queue-service");
        ServiceProcess sla = service("sla-monitor-service");
        send(queue, "PUT", "/api/v1/branches/" + restartBranch, """
                {"name":"重启营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["PAYMENT","GENERAL"]}""", 201);

        // Mid-morning, the simulated halls busy: three customers take a ticket 5 simulated minutes before the kill.
        awaitPlatformTime(LocalTime.of(10, 20));
        List<String> beforeKill = issue(queue, restartBranch, 3);
        awaitPlatformTime(clock.now().plus(Duration.ofMinutes(5)));
        sla.kill9();
        Instant killedAt = clock.now();
        // While the monitor is down: three more customers, and the deadlines of all six pass.
        List<String> whileDown = issue(queue, restartBranch, 3);
        Instant lastIssued = clock.now();

        Launcher.Clock handedOut = launcher.clock();
        assertEquals(clock, handedOut, "the launcher must hand a service restarted while the platform runs the platform's clock");
        awaitPlatformTime(lastIssued.plusSeconds(WAIT_LIMIT_SECONDS + 120));
        // Down until its new process starts (it fires timers before it reports ready).
        Instant restartedAt = clock.now();
        sla.restart(handedOut.properties());
        Instant readyAt = clock.now();
        launcher.recordPid("sla-monitor-service", sla.pid());
        assertTrue(Duration.between(killedAt, restartedAt).compareTo(Duration.ofMinutes(17)) > 0, "the monitor was down past every deadline");

        // Ten simulated minutes after the restart (10 s real): the restarted monitor has caught up. The ticket events
        // up to the cut are read two simulated minutes later, when the queue's relay has surely sent them.
        awaitPlatformTime(restartedAt.plus(Duration.ofMinutes(10)));
        Instant cut = clock.now();
        awaitPlatformTime(cut.plus(Duration.ofMinutes(2)));
        Map<String, Wait> waits = waits(cut);
        List<String> own = new ArrayList<>(beforeKill);
        own.addAll(whileDown);
        own.forEach(t -> assertTrue(waits.containsKey(t), "the ticket events of " + t));
        Set<String> expected = new HashSet<>();
        waits.forEach((ticket, wait) -> {
            if (wait.breachedBy(cut, Duration.ofSeconds(2))) {
                expected.add(ticket);
            }
        });
        assertTrue(expected.containsAll(own), "the restart branch's customers all waited past their deadline");
        Map<String, List<CloudEvent<SlaBreached>>> breaches = new HashMap<>();
        List<CloudEvent<SlaBreached>> all = new ArrayList<>();
        try {
            KafkaTestClient.readUntil(Topics.SLA, Duration.ofSeconds(90), records -> {
                breaches.clear();
                all.clear();
                all.addAll(breaches(records, waits.keySet()));
                all.stream().filter(b -> b.data().rule() == SlaRule.WAIT)
                        .forEach(b -> breaches.computeIfAbsent(b.data().ticketId(), k -> new ArrayList<>()).add(b));
                return breaches.keySet().containsAll(expected);
            });
        } catch (AssertionError notAll) {
            // Not every expected breach arrived: the problems below name each missed ticket and its wait, which says more.
        }

        List<String> problems = new ArrayList<>();
        int late = 0;
        for (var e : breaches.entrySet()) {
            String ticket = e.getKey();
            Wait wait = waits.get(ticket);
            Set<UUID> ids = new HashSet<>();
            e.getValue().forEach(b -> ids.add(b.id()));
            // The outbox is at-least-once: a kill -9 between Kafka's acknowledgement and the mark may resend the same
            // event (same id, which consumers skip); a second breach of the same wait is a different event.
            if (ids.size() != 1) {
                problems.add(ticket + ": the wait breached " + ids.size() + " times: " + e.getValue());
            }
            SlaBreached b = e.getValue().get(0).data();
            Instant deadline = wait.from().plusSeconds(WAIT_LIMIT_SECONDS);
            // The monitor keeps its times to the microsecond (PostgreSQL's timestamptz), the events to the nanosecond.
            if (b.limitSeconds() != WAIT_LIMIT_SECONDS || b.deadline() == null
                    || Duration.between(deadline, b.deadline()).abs().compareTo(Duration.ofMillis(1)) >= 0) {
                problems.add(ticket + ": deadline " + b.deadline() + " limit " + b.limitSeconds() + ", waiting from " + wait.from());
            }
            if (b.detectedAt().isBefore(b.deadline())) {
                problems.add(ticket + ": detected at " + b.detectedAt() + ", before its deadline " + b.deadline());
            }
            if (!b.detectedLate() && Duration.between(b.deadline(), b.detectedAt()).compareTo(CLEARLY_LATE) > 0) {
                problems.add(ticket + ": detected " + Duration.between(b.deadline(), b.detectedAt()) + " after its deadline, not flagged late");
            }
            boolean dueWhileDown = !b.deadline().isBefore(killedAt) && b.deadline().isBefore(restartedAt);
            if (dueWhileDown) {
                late++;
                // At once: as soon as the restarted monitor has its partitions back (a few real seconds), not when the
                // broker gives up on the killed one (Kafka's 45 s session timeout would be 45 simulated minutes).
                if (!b.detectedLate() || b.detectedAt().isBefore(restartedAt) || b.detectedAt().isAfter(readyAt.plus(CATCH_UP))) {
                    problems.add(ticket + ": due at " + b.deadline() + " while the monitor was down (" + killedAt + " to " + restartedAt
                            + "), detected at " + b.detectedAt() + ", late " + b.detectedLate());
                }
            }
            if (wait.clearlyUnder(Duration.ofSeconds(2))) {
                problems.add(ticket + ": a breach for a wait of " + wait.seconds(cut) + " s, called in time (false breach)");
            }
        }
        for (String ticket : expected) {
            if (!breaches.containsKey(ticket)) {
                problems.add(ticket + ": waited " + waits.get(ticket).seconds(cut) + " s, no breach published (missed)");
            }
        }
        // Every other finding of these tickets (handling) too: once per ticket and rule, never before its deadline.
        Map<String, Set<UUID>> perTicketAndRule = new HashMap<>();
        for (CloudEvent<SlaBreached> b : all) {
            perTicketAndRule.computeIfAbsent(b.data().ticketId() + " " + b.data().rule(), k -> new HashSet<>()).add(b.id());
            if (b.data().deadline() != null && b.data().detectedAt().isBefore(b.data().deadline())) {
                problems.add(b.data().ticketId() + " " + b.data().rule() + ": detected at " + b.data().detectedAt() + ", before its deadline " + b.data().deadline());
            }
        }
        perTicketAndRule.forEach((key, ids) -> {
            if (ids.size() != 1) {
                problems.add(key + ": published " + ids.size() + " times");
            }
        });
        assertEquals(List.of(), problems, "wait breaches of " + waits.size() + " tickets, " + breaches.size() + " breached");
        assertTrue(late >= own.size(), "every deadline that passed while the monitor was down fired late at its restart: " + late);
    }

    @Test
    @Order(2)
    void after_three_simulated_hours_every_dashboard_panel_shows_data_on_a_real_prometheus() throws Exception {
        awaitPlatformTime(LocalTime.of(12, 0));
        Map<String, String> failures = new TreeMap<>();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).until(() -> {
                failures.clear();
                failures.putAll(emptyPanels());
                return failures.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below, panel by panel
        }
        assertEquals(Map.of(), failures, "dashboard panels with no data on Prometheus after three simulated hours of the demo");

        // The zero a panel shows until its first count is a fallback, not the demo's data: without it, only the
        // counters the demo never produces (dead letters: it sends no poison records) may still be missing.
        Map<String, String> zeroOnly = new TreeMap<>(emptyPanels(expr -> expr.replace(ZERO_FALLBACK, "")));
        assertEquals(Set.of("Hallwatch · Platform / Dead letters [1]"), zeroOnly.keySet(),
                "panels that showed only their fallback zero after three simulated hours of the demo: " + zeroOnly);
        // The simulated clerks' answers to the offers at the counters, through marketing's outcome API.
        Set<String> results = new HashSet<>();
        query("sum by (result) (hallwatch_marketing_offer_outcomes_total{channel=\"COUNTER\"})").path("data").path("result")
                .forEach(r -> results.add(r.path("metric").path("result").asText()));
        assertTrue(results.containsAll(Set.of("ACCEPTED", "DECLINED", "INTERESTED")), "offer outcomes recorded in the demo: " + results);

        // The simulated halls play the visits (walk-ins, chosen calls ahead of the turn, parks), customers ask for the
        // near-turn text, check in with a remote ticket taken online and with an appointment, through the real APIs: each
        // is in the queue's own records after three simulated hours.
        Map<String, String> q = DATABASES.get("queue-service");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(q.get("quarkus.datasource.jdbc.url"),
                q.get("quarkus.datasource.username"), q.getOrDefault("quarkus.datasource.password", ""));
             java.sql.ResultSet rs = c.createStatement().executeQuery("""
                     SELECT (SELECT count(*) FROM ticket WHERE walk_in), (SELECT count(*) FROM out_of_order_call),
                            (SELECT count(*) FROM ticket WHERE park_count > 0),
                            (SELECT count(*) FROM turn_notice WHERE told_at IS NOT NULL),
                            (SELECT count(*) FROM ticket WHERE origin = 'REMOTE' AND checked_in_at IS NOT NULL),
                            (SELECT count(*) FROM appointment WHERE status = 'CHECKED_IN')""")) {
            rs.next();
            String seen = "walk-ins " + rs.getLong(1) + ", chosen calls out of order " + rs.getLong(2) + ", parked visits "
                    + rs.getLong(3) + ", customers told their turn is near " + rs.getLong(4) + ", remote tickets checked in "
                    + rs.getLong(5) + ", appointments checked in " + rs.getLong(6);
            for (int i = 1; i <= 6; i++) {
                assertTrue(rs.getLong(i) > 0, "the demo's halls after three simulated hours: " + seen);
            }
        }

        // The demo's understaffed halls: each hour the queue forecast short of counters was told once, and each told
        // hour is one item of one alert at the monitor (a page for the duty manager, or a line of the branch's group).
        // The monitor journals the event and records the alert item in one transaction: one snapshot of its database
        // sees both as they are, whatever the queue tells meanwhile.
        Map<String, Integer> told = new TreeMap<>();
        Map<String, Long> hoursByBranch = new TreeMap<>();
        Map<String, Long> itemsByBranch = new TreeMap<>();
        Map<String, String> sla = DATABASES.get("sla-monitor-service");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(sla.get("quarkus.datasource.jdbc.url"),
                sla.get("quarkus.datasource.username"), sla.getOrDefault("quarkus.datasource.password", ""))) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
            try (java.sql.ResultSet rs = c.createStatement().executeQuery(
                    "SELECT subject, branch_id FROM event_journal WHERE event_type = 'hallwatch.staffing.shortfall-forecast.v1'")) {
                while (rs.next()) {
                    String subject = rs.getString(1);
                    assertEquals(1, told.merge(subject, 1, Integer::sum), "told twice: " + subject);
                    hoursByBranch.merge(rs.getString(2), 1L, Long::sum);
                }
            }
            try (java.sql.ResultSet rs = c.createStatement().executeQuery("""
                    SELECT a.branch_id, count(*) FROM alert_breach b JOIN alert a USING (alert_id)
                    WHERE b.rule = 'STAFFING_FORECAST' GROUP BY a.branch_id""")) {
                while (rs.next()) {
                    itemsByBranch.put(rs.getString(1), rs.getLong(2));
                }
            }
            c.rollback();
        }
        assertFalse(told.isEmpty(), "no hour forecast understaffed in three hours of the demo's understaffed halls");
        assertEquals(hoursByBranch, itemsByBranch, "each hour told is one alert item: " + told);
        // And the duty manager's view of them (it can only have grown since).
        for (String branch : hoursByBranch.keySet()) {
            int items = 0;
            for (JsonNode alert : JSON.readTree(send(service("sla-monitor-service"), "GET", "/api/v1/alerts?branchId=" + branch, null, 200))) {
                items += alert.path("understaffedHours").asInt();
            }
            assertTrue(items >= hoursByBranch.get(branch), branch + ": " + items + " understaffed hours in its alerts, " + told);
        }
    }

    @Test
    @Order(3)
    void stopping_everything_the_launchers_way_forgets_the_clock() throws Exception {
        launcher.run(Map.of(), "stop");
        for (ServiceProcess s : SERVICES.values()) {
            assertFalse(s.isAlive(), s.name + " still runs after ./hallwatch stop");
        }
        assertTrue(simulator.waitFor(15, TimeUnit.SECONDS), "the simulator still runs after ./hallwatch stop");
        assertFalse(Files.exists(launcher.clockFile()), "nothing runs: the clock is forgotten");
        Launcher.Clock next = launcher.clock();
        assertFalse(next.realStart().equals(clock.realStart()), "a platform started from nothing gets a new clock");
    }

    /** Every panel query that errs or answers no series: "dashboard / panel [n]" → why. */
    private static Map<String, String> emptyPanels() throws Exception {
        return emptyPanels(expr -> expr);
    }

    /** The same, each query changed by {@code change} (after its variables are resolved) before it is asked. */
    private static Map<String, String> emptyPanels(java.util.function.UnaryOperator<String> change) throws Exception {
        Map<String, String> failures = new TreeMap<>();
        for (JsonNode dashboard : DashboardsTest.dashboards()) {
            String title = dashboard.path("title").asText();
            Map<String, String> variables = new HashMap<>();
            for (JsonNode v : dashboard.path("templating").path("list")) {
                if (!v.path("type").asText().equals("query")) {
                    continue;
                }
                String query = v.path("query").isObject() ? v.path("query").path("query").asText() : v.path("query").asText();
                List<String> values = labelValues(query);
                if (values.isEmpty()) {
                    failures.put(title + " / variable $" + v.path("name").asText(), query + " has no values");
                }
                String current = v.path("current").path("value").asText("$__all");
                boolean all = current.equals("$__all") || current.isEmpty();
                variables.put(v.path("name").asText(), all
                        ? (v.hasNonNull("allValue") ? v.path("allValue").asText() : "(" + String.join("|", values.stream().map(Pattern::quote).toList()) + ")")
                        : current);
            }
            for (JsonNode panel : dashboard.path("panels")) {
                int n = 0;
                for (JsonNode target : panel.path("targets")) {
                    n++;
                    String expr = change.apply(resolve(target.path("expr").asText(), variables));
                    String where = title + " / " + panel.path("title").asText() + " [" + n + "]";
                    JsonNode answer = query(expr);
                    if (!answer.path("status").asText().equals("success")) {
                        failures.put(where, expr + " → " + answer.path("error").asText(answer.toString()));
                    } else if (answer.path("data").path("result").isEmpty()) {
                        failures.put(where, expr + " → no series");
                    }
                }
            }
        }
        return failures;
    }

    /** Grafana's template variables and the global ones a panel may use, as Grafana would send the query. */
    static String resolve(String expr, Map<String, String> variables) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("__rate_interval", "1m");
        all.put("__interval_ms", "15000");
        all.put("__interval", "15s");
        all.put("__range_ms", "3600000");
        all.put("__range_s", "3600");
        all.put("__range", "1h");
        all.putAll(variables);
        String out = expr;
        // Longest names first, so that $__range does not eat $__range_s.
        List<String> names = new ArrayList<>(all.keySet());
        names.sort((a, b) -> b.length() - a.length());
        for (String name : names) {
            out = out.replace("${" + name + "}", all.get(name)).replace("[[" + name + "]]", all.get(name))
                    .replace("$" + name, all.get(name));
        }
        assertFalse(out.contains("$"), "an unknown variable in " + expr);
        return out;
    }

    private static List<String> labelValues(String query) throws Exception {
        Matcher m = Pattern.compile("label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)").matcher(query);
        assertTrue(m.matches(), "a variable query the test does not read: " + query);
        JsonNode answer = JSON.readTree(prometheus("/api/v1/label/" + m.group(2) + "/values?match[]="
                + URLEncoder.encode(m.group(1).trim(), StandardCharsets.UTF_8)).body());
        List<String> values = new ArrayList<>();
        answer.path("data").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode query(String expr) throws Exception {
        return JSON.readTree(prometheus("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)).body());
    }

    private static HttpResponse<String> prometheus(String path) throws Exception {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    private static int status(HttpResponse<?> response) {
        return response == null ? -1 : response.statusCode();
    }

    /**
     * One ticket's wait as its events tell it: from when it is judged (the issue, or for an appointment checked in
     * before its slot the slot's start: {@link TicketIssued#waitClockStart()}), and first called (null while it waits).
     */
    record Wait(Instant from, Instant calledAt) {
        long seconds(Instant now) {
            return Duration.between(from, calledAt != null ? calledAt : now).toSeconds();
        }

        /** Whether the wait is over the limit by more than {@code margin} at {@code now}. */
        boolean breachedBy(Instant now, Duration margin) {
            Instant end = calledAt != null ? calledAt : now;
            return Duration.between(from, end).compareTo(Duration.ofSeconds(WAIT_LIMIT_SECONDS).plus(margin)) > 0;
        }

        /** Called before the limit by more than {@code margin}: no breach may exist. */
        boolean clearlyUnder(Duration margin) {
            return calledAt != null
                    && Duration.between(from, calledAt).compareTo(Duration.ofSeconds(WAIT_LIMIT_SECONDS).minus(margin)) < 0;
        }
    }

    /**
     * The waits of every ticket of the simulated halls and the restart branch issued up to {@code cut}, from the queue's
     * events (the oracle: issued and first called, in event time); tickets cancelled, transferred or parked are left out.
     */
    private static Map<String, Wait> waits(Instant cut) {
        Set<String> branches = new HashSet<>(SIMULATED);
        branches.add(restartBranch);
        Map<String, Instant> issued = new HashMap<>();
        Map<String, Instant> called = new HashMap<>();
        Set<String> left = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : readAll(Topics.TICKETS)) {
            if (!branches.contains(r.key())) {
                continue;
            }
            CloudEvent<?> event = EventCodec.fromBytes(r.value());
            if (event.time().isAfter(cut)) {
                continue;
            }
            if (event.data() instanceof TicketIssued i) {
                issued.put(i.ticketId(), i.waitClockStart());
            } else if (event.data() instanceof TicketCalled c) {
                called.merge(c.ticketId(), c.calledAt(), (a, b) -> a.isBefore(b) ? a : b);
            } else if (event.data() instanceof TicketCancelled || event.data() instanceof TicketTransferred
                    || event.data() instanceof io.hallwatch.events.TicketParked) {
                // A parked visit waits again on the budget it had left (issue 25): its deadline is not issue + 15 min,
                // and the monitor's own tests judge it (VisitDetectionTest); this oracle leaves it out as a transfer.
                left.add(((TicketEvent) event.data()).ticketId());
            }
        }
        Map<String, Wait> waits = new HashMap<>();
        issued.forEach((ticket, at) -> {
            if (!left.contains(ticket)) {
                waits.put(ticket, new Wait(at, called.get(ticket)));
            }
        });
        return waits;
    }

    /** The breaches on the SLA topic about {@code tickets}, each record as read. */
    @SuppressWarnings("unchecked")
    private static List<CloudEvent<SlaBreached>> breaches(List<ConsumerRecord<String, byte[]>> records, Set<String> tickets) {
        List<CloudEvent<SlaBreached>> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            CloudEvent<?> event;
            try {
                event = EventCodec.fromBytes(r.value());
            } catch (RuntimeException e) {
                continue; // another test's poison record
            }
            if (event.data() instanceof SlaBreached b && b.ticketId() != null && tickets.contains(b.ticketId())) {
                found.add((CloudEvent<SlaBreached>) event);
            }
        }
        return found;
    }

    /** Everything on {@code topic} now: read from the beginning up to the end offsets taken at the start. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertTrue(Instant.now().isBefore(deadline), "could not read " + topic + " to its end");
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<String> issue(ServiceProcess queue, String branch, int count) throws Exception {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = send(queue, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"GENERAL\"}", 201);
            Matcher m = Pattern.compile("\"ticketId\":\"([^\"]+)\"").matcher(body);
            assertTrue(m.find(), body);
            tickets.add(m.group(1));
        }
        return tickets;
    }

    /** Waits (in real time: a 60th of it) until the platform's clock shows {@code at} of the demo day in the halls' zone. */
    private static void awaitPlatformTime(LocalTime at) {
        awaitPlatformTime(Instant.parse(clock.epoch()).atZone(HALL_ZONE).with(at).toInstant());
    }

    private static void awaitPlatformTime(Instant at) {
        Duration real = clock.realUntil(at);
        assertTrue(real.compareTo(Duration.ofMinutes(5)) < 0, "the demo's clock is far from " + at + ": " + clock.now());
        Awaitility.await().atMost(real.plusSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertTrue(simulator.isAlive(), "the simulator exited; see " + LOGS.resolve("demo-simulator.log"));
            return !clock.now().isBefore(at);
        });
    }

    private static String send(ServiceProcess service, String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", Tokens.allAccess().bearer());
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
        return response.body();
    }
}
