package io.hallwatch.e2e;

import io.hallwatch.testsupport.ServiceProcess;
import io.hallwatch.testsupport.jwt.TestKeys;
import io.hallwatch.testsupport.jwt.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.EventType;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four services as real processes, on a real broker and real databases, on a shared 60×
 * clock as in the demo: a kiosk issues a ticket, a counter calls, starts and finishes the service,
 * and both services' events are on Kafka, once each, in order; a customer left waiting breaches
 * the 15 minutes at the monitor, gets service recovery at the counter, and the dashboards' queries
 * find every metric and label they use on the services' real /q/metrics.
 */
class TicketJourneyIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final PostgresTestResource QUEUE_DB = new PostgresTestResource();
    private static final PostgresTestResource COUNTER_DB = new PostgresTestResource();
    private static final PostgresTestResource SLA_DB = new PostgresTestResource();
    private static final PostgresTestResource MARKETING_DB = new PostgresTestResource();
    /** Simulated seconds per real second: the 15-minute wait standard passes in 15 s. */
    private static final int SCALE = 60;
    private static ServiceProcess queue;
    private static ServiceProcess counter;
    private static ServiceProcess sla;
    private static ServiceProcess marketing;
    private static String queueDatabase;

    @BeforeAll
    static void startServices() throws Exception {
        String kafka = KafkaTestResource.bootstrapServers();
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        // The launcher's key set-up: every service verifies with the public key, counter-service signs its service token.
        Map<String, String> shared = Map.of("kafka.bootstrap.servers", kafka, "hallwatch.clock.scale", Integer.toString(SCALE),
                "hallwatch.clock.epoch", now, "hallwatch.clock.real-start", now,
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toString(),
                "smallrye.jwt.sign.key.location", TestKeys.privateKeyFile().toString());
        // The monitor first: it owns the service standard, which the queue and the counter wait for.
        sla = ServiceProcess.start("sla-monitor-service", config(SLA_DB, shared, Map.of()));
        Map<String, String> queueConfig = config(QUEUE_DB, shared, Map.of());
        queueDatabase = queueConfig.get("quarkus.datasource.jdbc.url");
        queue = ServiceProcess.start("queue-service", queueConfig);
        counter = ServiceProcess.start("counter-service", config(COUNTER_DB, shared,
                Map.of("quarkus.rest-client.queue-service.url", queue.url(""))));
        marketing = ServiceProcess.start("marketing-service", config(MARKETING_DB, shared, Map.of()));
    }

    private static Map<String, String> config(PostgresTestResource db, Map<String, String> shared, Map<String, String> own) {
        Map<String, String> config = new HashMap<>(db.start());
        config.putAll(shared);
        config.putAll(own);
        return config;
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess p : new ServiceProcess[]{marketing, sla}) {
            if (p != null) {
                p.close();
            }
        }
        if (counter != null) {
            counter.close();
        }
        if (queue != null) {
            queue.close();
        }
        MARKETING_DB.stop();
        SLA_DB.stop();
        COUNTER_DB.stop();
        QUEUE_DB.stop();
    }

    @Test
    void a_ticket_is_issued_called_served_and_finished_across_both_services() throws Exception {
        String branch = "E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // Open all day, so the test does not depend on the hour it runs at.
        send(queue, "PUT", "/api/v1/branches/" + branch, """
                {"name":"端到端营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["PAYMENT","GENERAL"]}""", 201);
        send(counter, "PUT", "/api/v1/branches/" + branch + "/counters/C01",
                "{\"label\":\"1号台\",\"vip\":false,\"skills\":[\"PAYMENT\",\"GENERAL\"]}", 201);

        String issued = send(queue, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"PAYMENT\"}", 201);
        String ticketId = field(issued, "ticketId");

        String base = "/api/v1/branches/" + branch + "/counters/C01";
        send(counter, "POST", base + "/sign-in", "{\"clerkId\":\"clerk-e2e\"}", 200);
        String called = send(counter, "POST", base + "/call-next", "", 200);
        assertTrue(called.contains(ticketId), called);
        send(counter, "POST", base + "/service/start", "", 200);
        send(counter, "POST", base + "/service/finish", "{\"outcome\":\"COMPLETED\"}", 200);

        List<CloudEvent<?>> ticketEvents = events(Topics.TICKETS, ticketId, 2);
        assertEquals(List.of(EventType.TICKET_ISSUED, EventType.TICKET_CALLED), ticketEvents.stream().map(CloudEvent::eventType).toList());
        assertEquals("C01", ((TicketCalled) ticketEvents.get(1).data()).counterId());
        assertEquals("clerk-e2e", ((TicketCalled) ticketEvents.get(1).data()).clerkId());

        List<CloudEvent<?>> serviceEvents = events(Topics.SERVICES, ticketId, 2);
        assertEquals(List.of(EventType.SERVICE_STARTED, EventType.SERVICE_FINISHED), serviceEvents.stream().map(CloudEvent::eventType).toList());
        assertEquals("/hallwatch/counter-service", serviceEvents.get(1).source().toString());
        assertEquals("PAYMENT", ((ServiceFinished) serviceEvents.get(1).data()).businessType());
        serviceEvents.forEach(e -> assertEquals(branch, e.key()));

        // The queue learns from the counter's events: the ticket ends DONE.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                send(queue, "GET", "/api/v1/tickets/" + ticketId, null, 200).contains("\"status\":\"DONE\""));
    }

    @Test
    void the_packaged_services_refuse_the_api_without_a_token_but_leave_probes_and_metrics_open() throws Exception {
        Map<ServiceProcess, String> reads = Map.of(queue, "/queue", counter, "/counters", sla, "/sla-status", marketing, "/load");
        for (ServiceProcess service : List.of(queue, counter, sla, marketing)) {
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/branches/GZ-TH-001"
                    + reads.get(service)))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, api.statusCode(), service.name + " answered the API without a token");
            assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            for (String open : List.of("/q/health/ready", "/q/metrics")) {
                assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(service.url(open))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode(), service.name + open);
            }
            HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/branches/GZ-TH-001" + reads.get(service))))
                    .header("Authorization", Tokens.allAccess().expired().bearer()).build(), HttpResponse.BodyHandlers.discarding());
        }
        // Tokens, good and bad, went to every service (the journey's and the refused ones): none reached a log.
        for (ServiceProcess service : List.of(queue, counter, sla, marketing)) {
            String log = service.logText();
            assertFalse(log.contains("Bearer ") || log.contains("eyJhbGciOi"), service.name + " logged a token");
        }
    }

    @Test
    void the_dashboards_read_only_metrics_and_labels_the_running_services_export() throws Exception {
        String branch = "DASH-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        send(queue, "PUT", "/api/v1/branches/" + branch, """
                {"name":"看板营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["PAYMENT","GENERAL"]}""", 201);
        send(counter, "PUT", "/api/v1/branches/" + branch + "/counters/C01",
                "{\"label\":\"1号台\",\"vip\":false,\"skills\":[\"PAYMENT\",\"GENERAL\"]}", 201);
        String base = "/api/v1/branches/" + branch + "/counters/C01";
        String heavyUser = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        send(marketing, "POST", "/api/v1/customers/import", "[{\"customerRef\":\"" + heavyUser
                + "\",\"spendBand\":\"HIGH\",\"dataUsedMb\":9800,\"dataAllowanceMb\":10240}]", 200);

        // A customer nobody calls: at 15 simulated minutes the monitor raises the breach by itself.
        String waiting = field(send(queue, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"GENERAL\"}", 201), "ticketId");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                send(sla, "GET", "/api/v1/breaches?branchId=" + branch + "&kind=WAIT_BREACH", null, 200).contains(waiting));

        send(counter, "POST", base + "/sign-in", "{\"clerkId\":\"clerk-dash\"}", 200);
        send(counter, "POST", base + "/call-next", "", 200);
        send(counter, "POST", base + "/service/start", "", 200);
        // The counter screen opens with an apology and the recovery gesture for the breached wait.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> send(marketing, "GET",
                "/api/v1/branches/" + branch + "/counters/C01/recommendation", null, -1).contains("\"recovery\":{"));
        send(counter, "POST", base + "/service/finish", "{\"outcome\":\"REFERRED\"}", 200);
        send(counter, "POST", base + "/pause", "{\"reason\":\"BREAK\"}", 200);
        send(counter, "POST", base + "/resume", "", 200);

        // A heavy data user paying a bill is offered a data bundle, and takes it.
        send(queue, "POST", "/api/v1/branches/" + branch + "/tickets",
                "{\"businessType\":\"PAYMENT\",\"customerRef\":\"" + heavyUser + "\"}", 201);
        send(counter, "POST", base + "/call-next", "", 200);
        send(counter, "POST", base + "/service/start", "", 200);
        String[] offer = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String screen = send(marketing, "GET", "/api/v1/branches/" + branch + "/counters/C01/recommendation", null, -1);
            Matcher m = Pattern.compile("\"offerId\":\"([^\"]+)\"").matcher(screen);
            return m.find() && (offer[0] = m.group(1)) != null;
        });
        send(marketing, "POST", "/api/v1/offers/" + offer[0] + "/outcome", "{\"result\":\"ACCEPTED\"}", 201);
        send(counter, "POST", base + "/service/finish", "{\"outcome\":\"COMPLETED\"}", 200);
        // A poison record, so that the dead-letter counters exist too.
        KafkaTestClient.produce(Topics.SERVICES, branch, "not an event".getBytes(StandardCharsets.UTF_8));

        Map<String, java.util.Set<String>> exported = new HashMap<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            exported.clear();
            for (ServiceProcess service : List.of(queue, counter, sla, marketing)) {
                MetricsScrape.parse(send(service, "GET", "/q/metrics", null, 200), exported);
            }
            assertTrue(exported.containsKey("hallwatch_events_dead_lettered_total"));
            assertTrue(exported.containsKey("hallwatch_tickets_waiting"));
            assertTrue(exported.containsKey("hallwatch_sla_breaches_total"));
            assertTrue(exported.containsKey("hallwatch_marketing_offers_accepted_total"));
        });
        String rules = java.nio.file.Files.readString(ServiceProcess.ROOT.resolve("deploy/prometheus/rules/hallwatch-recording.yml"));
        for (var dashboard : DashboardsTest.dashboards()) {
            for (String expr : DashboardsTest.expressions(dashboard)) {
                PromQl.metrics(expr).forEach((metric, labels) -> {
                    if (metric.equals("up")) {
                        return; // written by Prometheus itself
                    }
                    if (metric.contains(":")) {
                        assertTrue(rules.contains("record: " + metric), metric + " is not a recording rule");
                        return;
                    }
                    assertTrue(exported.containsKey(metric), dashboard.path("title").asText() + ": " + metric
                            + " is not exported by the running services");
                    java.util.Set<String> withJob = new java.util.HashSet<>(exported.get(metric));
                    withJob.add("job"); // added by Prometheus at scrape
                    withJob.add("instance");
                    assertTrue(withJob.containsAll(labels), dashboard.path("title").asText() + ": " + metric
                            + " has labels " + exported.get(metric) + ", the panel uses " + labels);
                });
            }
        }
    }

    /**
     * Issue 21's proof of one owner: a single change of the standard at the monitor moves, within 5 s,
     * the monitor's limit metric, the queue's catalogue, at-risk call order and estimate, and the
     * counter's over-limit prompt; and the monitor judges a ticket issued after it by the new limit.
     */
    @Test
    void one_change_of_the_standard_reaches_every_service_within_five_seconds() throws Exception {
        String branch = "STD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        send(queue, "PUT", "/api/v1/branches/" + branch, """
                {"name":"标准营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["PAYMENT","GENERAL"]}""", 201);
        send(counter, "PUT", "/api/v1/branches/" + branch + "/counters/C01",
                "{\"label\":\"1号台\",\"vip\":false,\"skills\":[\"PAYMENT\",\"GENERAL\"]}", 201);
        String general = field(send(queue, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"GENERAL\"}", 201), "ticketId");
        String normal = field(send(queue, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"PAYMENT\"}", 201), "ticketId");
        // The VIP arrives when the other has waited 5 minutes: at risk under a 6-minute limit, not under 15.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> paymentWaitSeconds(branch, normal) >= 300);
        String vip = field(send(queue, "POST", "/api/v1/branches/" + branch + "/tickets",
                "{\"businessType\":\"PAYMENT\",\"tier\":\"VIP\"}", 201), "ticketId");
        String base = "/api/v1/branches/" + branch + "/counters/C01";
        send(counter, "POST", base + "/sign-in", "{\"clerkId\":\"clerk-std\"}", 200);
        // Under the 15 minutes of the standard the VIP goes first; the estimate starts from GENERAL's 5 minutes.
        assertEquals(List.of(vip, normal), paymentCallOrder(branch));
        int estimateBefore = json(send(queue, "GET", "/api/v1/tickets/" + general, null, 200)).path("estimatedWaitMinutes").asInt();

        JsonNode current = json(send(sla, "GET", "/api/v1/sla-policies", null, 200));
        ObjectNode change = standardWith(current, 360, 60, 1200);
        change.put("changedBy", "admin-e2e");
        change.put("reason", "one owner: e2e");
        // Payments: 6 minutes' wait (at risk after 4, four seconds at 60x) and 1 minute's handling; GENERAL 20 minutes.
        send(sla, "PUT", "/api/v1/sla-policies", change.toString(), 200);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(5);
        try {
            within(deadline, () -> metricValue(send(sla, "GET", "/q/metrics", null, 200),
                    "hallwatch_sla_limit_seconds{rule=\"handling\",business_type=\"PAYMENT\"}") == 60.0);
            within(deadline, () -> json(send(queue, "GET", "/api/v1/business-types", null, 200)).findParents("code").stream()
                    .anyMatch(t -> t.path("code").asText().equals("PAYMENT") && t.path("handlingLimitSeconds").asInt() == 60));
            within(deadline, () -> paymentCallOrder(branch).equals(List.of(normal, vip)));
            within(deadline, () -> json(send(queue, "GET", "/api/v1/tickets/" + general, null, 200))
                    .path("estimatedWaitMinutes").asInt() > estimateBefore);
            // The counter calls the customer at risk, and its prompt counts against the new minute.
            assertTrue(send(counter, "POST", base + "/call-next", "", 200).contains(normal));
            JsonNode screen = json(send(counter, "POST", base + "/service/start", "", 200));
            assertEquals(60, screen.path("customer").path("limitSeconds").asInt(), screen.toString());
            assertTrue(java.time.Instant.now().isBefore(deadline), "the standard took more than 5 s to reach every service");

            // The monitor judges a ticket issued now by the new 6 minutes.
            String after = field(send(queue, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"PAYMENT\"}", 201), "ticketId");
            List<CloudEvent<?>> breached = KafkaTestClient.readUntil(Topics.SLA, Duration.ofSeconds(60), records -> records.stream()
                            .anyMatch(r -> KafkaTestClient.isAbout(r.value(), after) && EventCodec.fromBytes(r.value()).data() instanceof SlaBreached))
                    .stream().filter(r -> KafkaTestClient.isAbout(r.value(), after)).<CloudEvent<?>>map(r -> EventCodec.fromBytes(r.value()))
                    .filter(e -> e.data() instanceof SlaBreached).toList();
            assertEquals(360, ((SlaBreached) breached.get(0).data()).limitSeconds());
            send(counter, "POST", base + "/service/finish", "{\"outcome\":\"COMPLETED\"}", 200);
        } finally {
            // Back to the standard's numbers for the other tests, as a further version.
            JsonNode now = json(send(sla, "GET", "/api/v1/sla-policies", null, 200));
            ObjectNode back = standardWith(now, null, 120, 300);
            back.put("changedBy", "admin-e2e");
            back.put("reason", "e2e: back to the standard");
            send(sla, "PUT", "/api/v1/sla-policies", back.toString(), 200);
        }
    }

    /** The editable policy with PAYMENT's wait (null: the default) and handling limits and GENERAL's handling limit set. */
    /**
     * The queue's outbox relay stalls (another holder of its relay lock, as a hung replica would be)
     * while three customers are called just before their deadline and two go on waiting: the calls
     * are committed but reach Kafka only after the stall. The monitor judges nothing meanwhile and
     * shows the branch as waiting for the queue; afterwards it raises the two true breaches, once
     * each, late and flagged late, and none for the three called in time.
     */
    @Test
    void a_stalled_queue_relay_delays_true_breaches_and_makes_no_false_one() throws Exception {
        String branch = "STALL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        send(queue, "PUT", "/api/v1/branches/" + branch, """
                {"name":"停滞营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["GENERAL"]}""", 201);
        List<String> tickets = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(field(send(queue, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"GENERAL\"}", 201),
                    "ticketId"));
        }
        java.time.Instant issued = java.time.Instant.now();
        events(Topics.TICKETS, tickets.get(4), 1); // every issue is on Kafka before the stall
        for (int c = 1; c <= 3; c++) {
            send(counter, "PUT", "/api/v1/branches/" + branch + "/counters/C0" + c,
                    "{\"label\":\"" + c + "号台\",\"vip\":false,\"skills\":[\"GENERAL\"]}", 201);
            send(counter, "POST", "/api/v1/branches/" + branch + "/counters/C0" + c + "/sign-in", "{\"clerkId\":\"clerk-stall-" + c + "\"}", 200);
        }
        // At about 13.5 simulated minutes the relay stalls; the first three are called at once after.
        awaitRealTime(issued.plusMillis(13_500));
        try (java.sql.Connection hold = java.sql.DriverManager.getConnection(queueDatabase, "postgres", "")) {
            try (var s = hold.prepareStatement("SELECT pg_advisory_lock(?)")) {
                s.setLong(1, 0x68616c6c77L); // the queue relay's lock (common's OutboxRelay)
                s.execute();
            }
            List<String> called = new java.util.ArrayList<>();
            for (int c = 1; c <= 3; c++) {
                called.add(field(send(counter, "POST", "/api/v1/branches/" + branch + "/counters/C0" + c + "/call-next", "", 200), "ticketId"));
            }
            assertEquals(tickets.subList(0, 3), called, "the three longest waiting are called, before their deadline");
            // The deadline (15 simulated minutes) passes, and a simulated minute more.
            awaitRealTime(issued.plusMillis(16_200));
            JsonNode status = json(send(sla, "GET", "/api/v1/branches/" + branch + "/sla-status", null, 200));
            assertEquals("queue-service", status.path("delayed").path("waitingFor").path(0).asText(), status.toString());
            assertTrue(status.path("delayed").path("seconds").asLong() >= 60, status.toString());
            try (var s = hold.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, 0x68616c6c77L);
                s.execute();
            }
        }
        // Two true wait breaches, each once, late by the stall and flagged late; none for the three
        // called (the branch average may breach too: two customers waited past 15 minutes).
        java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> breach = r ->
                branch.equals(r.key()) && EventCodec.fromBytes(r.value()).data() instanceof SlaBreached b && b.ticketId() != null;
        KafkaTestClient.readUntil(Topics.SLA, Duration.ofSeconds(60), rs -> rs.stream().filter(breach).count() >= 2);
        // Three simulated minutes more, and the monitor's record still holds only the two true ones:
        // a false breach would have come by now.
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(send(sla, "GET", "/api/v1/breaches?branchId=" + branch + "&kind=WAIT_BREACH", null, 200)).path("items").size() == 2);
        List<SlaBreached> breaches = KafkaTestClient.readUntil(Topics.SLA, Duration.ofSeconds(30), rs -> rs.stream().filter(breach).count() >= 2)
                .stream().filter(breach).map(r -> (SlaBreached) EventCodec.fromBytes(r.value()).data()).toList();
        assertEquals(java.util.Set.copyOf(tickets.subList(3, 5)), breaches.stream().map(SlaBreached::ticketId).collect(java.util.stream.Collectors.toSet()),
                "breaches only for the two really waiting: " + breaches);
        assertEquals(2, breaches.size(), "each once: " + breaches);
        for (SlaBreached b : breaches) {
            assertTrue(b.detectedLate(), "raised after the stall, and says so: " + b);
            assertTrue(Duration.between(b.deadline(), b.detectedAt()).toSeconds() >= 60, "late by the stall: " + b);
        }
        JsonNode after = json(send(sla, "GET", "/api/v1/branches/" + branch + "/sla-status", null, 200));
        assertTrue(after.path("delayed").isNull(), after.toString());
    }

    /** Waits, polling, until the real clock (which the 60x platform clock follows) has passed {@code at}. */
    private static void awaitRealTime(java.time.Instant at) {
        org.awaitility.Awaitility.await().atMost(Duration.between(java.time.Instant.now(), at).plusSeconds(5))
                .pollInterval(Duration.ofMillis(20)).until(() -> !java.time.Instant.now().isBefore(at));
    }

    private static ObjectNode standardWith(JsonNode current, Integer paymentWait, int paymentHandling, int generalHandling) {
        ObjectNode change = JSON.createObjectNode();
        change.put("basedOnVersion", current.path("version").asInt());
        change.set("defaults", current.path("defaults"));
        change.set("branchAverage", current.path("branchAverage"));
        change.set("overrides", current.path("overrides"));
        com.fasterxml.jackson.databind.node.ArrayNode types = change.putArray("businessTypes");
        for (JsonNode line : current.path("businessTypes")) {
            ObjectNode copy = line.deepCopy();
            switch (line.path("businessType").asText()) {
                case "PAYMENT" -> {
                    copy.put("handlingLimitSeconds", paymentHandling);
                    if (paymentWait == null) {
                        copy.putNull("waitLimitSeconds");
                    } else {
                        copy.put("waitLimitSeconds", paymentWait);
                    }
                }
                case "GENERAL" -> copy.put("handlingLimitSeconds", generalHandling);
                default -> { }
            }
            types.add(copy);
        }
        return change;
    }

    private long paymentWaitSeconds(String branch, String ticketId) throws Exception {
        JsonNode queueView = json(send(queue, "GET", "/api/v1/branches/" + branch + "/queue", null, 200));
        for (JsonNode t : queueView.findValues("tickets")) {
            for (JsonNode entry : t) {
                if (entry.path("ticketId").asText().equals(ticketId)) {
                    return entry.path("waitSeconds").asLong();
                }
            }
        }
        return -1;
    }

    private List<String> paymentCallOrder(String branch) throws Exception {
        JsonNode queueView = json(send(queue, "GET", "/api/v1/branches/" + branch + "/queue", null, 200));
        List<String> order = new java.util.ArrayList<>();
        for (JsonNode type : queueView.findParents("businessType")) {
            if (type.path("businessType").asText().equals("PAYMENT") && type.has("tickets")) {
                type.path("tickets").forEach(t -> order.add(t.path("ticketId").asText()));
            }
        }
        return order;
    }

    private static void within(java.time.Instant deadline, java.util.concurrent.Callable<Boolean> condition) {
        Duration left = Duration.between(java.time.Instant.now(), deadline);
        org.awaitility.Awaitility.await().atMost(left.isNegative() ? Duration.ofMillis(1) : left)
                .pollInterval(Duration.ofMillis(100)).until(condition);
    }

    private static double metricValue(String metrics, String series) {
        // The text format 0.0.4 may close a label set with a trailing comma.
        return metrics.lines().map(l -> l.replace(",}", "}")).filter(l -> l.startsWith(series + " "))
                .map(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst().orElse(Double.NaN);
    }

    private static JsonNode json(String body) throws java.io.IOException {
        return JSON.readTree(body);
    }

    private static List<CloudEvent<?>> events(String topic, String ticketId, int count) {
        List<CloudEvent<?>> events = KafkaTestClient.eventsAbout(topic, ticketId, count);
        assertEquals(count, events.size(), "each change exactly once on " + topic);
        return events;
    }

    /**
     * Sends a request as a caller allowed everything (the role matrix is each service's own test);
     * {@code expected} < 0 accepts any status (for polling).
     */
    private static String send(ServiceProcess service, String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", Tokens.allAccess().bearer());
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected >= 0) {
            assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }
}
