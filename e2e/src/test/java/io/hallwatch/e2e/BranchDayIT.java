package io.hallwatch.e2e;

import io.hallwatch.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.e2e.BranchDay.Action;
import io.hallwatch.e2e.DayOracle.Finding;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.jwt.TestKeys;
import io.hallwatch.testsupport.jwt.Tokens;
import io.hallwatch.testsupport.PostgresTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scripted branch day played against the four packaged services, as kiosks and counter
 * terminals would play it, on the demo's 60x clock: about ninety simulated minutes of a
 * two-counter hall in ninety real seconds. At the end, the breaches the monitor raised, its SLA
 * report, the clerks' daily reports and the advice the counter screens showed must equal what
 * {@link DayOracle} recomputes from the script alone, and the alerts must reach the right phones
 * (the launcher's phone stand-in) once each.
 */
class BranchDayIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BRANCH_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int SCALE = 60;
    /** A step sent later than this (real time) would blur the oracle's margins: the run is void. */
    private static final Duration MAX_LATENESS = Duration.ofMillis(500);
    private static final PostgresTestResource QUEUE_DB = new PostgresTestResource();
    private static final PostgresTestResource COUNTER_DB = new PostgresTestResource();
    private static final PostgresTestResource SLA_DB = new PostgresTestResource();
    private static final PostgresTestResource MARKETING_DB = new PostgresTestResource();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess queue;
    private static ServiceProcess counter;
    private static ServiceProcess sla;
    private static ServiceProcess marketing;
    private static final java.nio.file.Path PHONE_LOG = ServiceProcess.ROOT.resolve("e2e/target/e2e-logs/branch-day-phone.log");
    private static io.hallwatch.testsupport.PhoneStandInProcess phone;
    /**
     * Who plays the day, each with the role the real one has, scoped to the script's hall and the
     * warm-up hall: the hall's admin, the kiosk, the clerks' terminals, the duty manager, the
     * branch manager reading the reports.
     */
    private record Callers(String admin, String kiosk, String clerk, String dutyManager, String manager) {
        static Callers of(String... branches) {
            return new Callers(bearer("admin", branches), bearer("kiosk", branches), bearer("clerk", branches),
                    bearer("duty-manager", branches), bearer("manager", branches));
        }

        private static String bearer(String role, String... branches) {
            return Tokens.role(role).subject("day-" + role).branches(branches).lifetime(Duration.ofHours(2)).bearer();
        }
    }

    private static Callers callers;
    /** The simulated instant the services' clocks showed at {@link #realStart}. */
    private static Instant epoch;
    private static Instant realStart;

    @BeforeAll
    static void startServices() throws Exception {
        // The day starts at 09:30 in the hall, so the whole script runs within opening hours.
        epoch = ZonedDateTime.of(LocalDate.now(BRANCH_ZONE), LocalTime.of(9, 30), BRANCH_ZONE).toInstant();
        realStart = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // The launcher's key set-up: every service verifies with the public key, counter-service signs its service token.
        Map<String, String> shared = Map.of("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers(),
                "hallwatch.clock.scale", Integer.toString(SCALE), "hallwatch.clock.epoch", epoch.toString(),
                "hallwatch.clock.real-start", realStart.toString(),
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toString(),
                "smallrye.jwt.sign.key.location", TestKeys.privateKeyFile().toString());
        // The monitor first: it owns the service standard, which the queue and the counter wait for.
        sla = start("sla-monitor-service", SLA_DB, shared, startPhone());
        queue = start("queue-service", QUEUE_DB, shared, Map.of());
        counter = start("counter-service", COUNTER_DB, shared, Map.of("quarkus.rest-client.queue-service.url", queue.url("")));
        marketing = start("marketing-service", MARKETING_DB, shared, Map.of());
    }

    private static ServiceProcess start(String name, PostgresTestResource db, Map<String, String> shared, Map<String, String> own)
            throws Exception {
        Map<String, String> config = new HashMap<>(db.start());
        config.putAll(shared);
        config.putAll(own);
        ServiceProcess p = ServiceProcess.start(name, config);
        SERVICES.add(0, p);
        return p;
    }

    /** The launcher's phone stand-in with fresh secrets; returns the monitor's channel settings for it. */
    private static Map<String, String> startPhone() throws Exception {
        phone = io.hallwatch.testsupport.PhoneStandInProcess.start(ServiceProcess.ROOT, PHONE_LOG);
        Map<String, String> config = new HashMap<>(phone.monitorConfig());
        // A sender's lease is platform-clock time: stretched by the scale, as the launcher does,
        // so that a slow real send is not taken for a dead sender and sent twice.
        config.put("hallwatch.alerting.delivery-lease", "PT" + 2 * SCALE + "M");
        return config;
    }

    @AfterAll
    static void stopServices() {
        SERVICES.forEach(ServiceProcess::close);
        if (phone != null) {
            phone.close();
        }
        for (PostgresTestResource db : List.of(MARKETING_DB, SLA_DB, COUNTER_DB, QUEUE_DB)) {
            db.stop();
        }
    }

    @Test
    void a_scripted_branch_day_ends_with_the_breaches_reports_and_advice_its_script_implies() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String branch = "DAY-" + suffix;
        String heavy = "DAY-HEAVY-" + suffix;
        String optedOut = "DAY-OPTOUT-" + suffix;
        String late = "DAY-LATE-" + suffix;
        callers = Callers.of(branch, "WARM-" + suffix);
        DayOracle oracle = new DayOracle(BranchDay.standard(heavy, optedOut, late));
        assertEquals(List.of(), oracle.marginViolations(), "the script itself must be unambiguous");

        send(callers.admin, queue, "PUT", "/api/v1/branches/" + branch, """
                {"name":"剧本营业厅","timeZone":"Asia/Shanghai","opensAt":"08:00","closesAt":"20:00",
                 "businessTypes":["PAYMENT","GENERAL","NEW_LINE","BROADBAND"]}""", 201);
        for (String c : List.of("C01", "C02")) {
            send(callers.admin, counter, "PUT", "/api/v1/branches/" + branch + "/counters/" + c,
                    "{\"label\":\"" + c + "\",\"vip\":false,\"skills\":[\"PAYMENT\",\"GENERAL\",\"NEW_LINE\",\"BROADBAND\"]}", 201);
        }
        send(callers.admin, marketing, "POST", "/api/v1/customers/import", "[{\"customerRef\":\"" + heavy
                + "\",\"spendBand\":\"HIGH\",\"dataUsedMb\":9800,\"dataAllowanceMb\":10240},"
                + "{\"customerRef\":\"" + optedOut + "\",\"spendBand\":\"HIGH\",\"dataUsedMb\":9800,\"dataAllowanceMb\":10240,"
                + "\"marketingOptOut\":true},{\"customerRef\":\"" + late + "\",\"spendBand\":\"MEDIUM\"}]", 200);

        send(callers.admin, sla, "PUT", "/api/v1/branches/" + branch + "/duty-roster", ROSTER, 200);
        warmUp(suffix);
        DutyManager dutyManager = new DutyManager(branch);
        Played played;
        try {
            played = play(branch, oracle, optedOut);
        } finally {
            dutyManager.stop();
        }

        // Breaches and warnings: exactly the oracle's, each once, about the right tickets.
        Set<Finding> expected = oracle.findings();
        Map<String, String> labelOf = new HashMap<>();
        played.ticketIds.forEach((label, id) -> labelOf.put(id, label));
        Set<Finding>[] seen = new Set[1];
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                seen[0] = ticketFindings(branch, labelOf);
                return seen[0].equals(expected);
            });
        } finally {
            assertEquals(expected, seen[0], "the monitor's findings vs the script's");
        }
        DayOracle.AverageEpisodes average = oracle.averageEpisodes();
        JsonNode averageBreaches = json(send(callers.manager, sla, "GET", "/api/v1/breaches?branchId=" + branch + "&kind=BRANCH_AVERAGE_BREACH&size=50", null, 200))
                .path("items");
        assertEquals(average.breaches(), averageBreaches.size(), averageBreaches.toString());
        if (average.clearedAtEnd()) {
            averageBreaches.forEach(b -> assertEquals("RESOLVED", b.path("status").asText(), b.toString()));
        }

        // The SLA report of the day, per business type.
        LocalDate day = epoch.atZone(BRANCH_ZONE).toLocalDate();
        JsonNode report = json(send(callers.manager, sla, "GET", "/api/v1/branches/" + branch + "/sla-report?date=" + day, null, 200));
        Map<String, DayOracle.TypeFigures> reported = new TreeMap<>();
        report.path("byBusinessType").forEach(t -> reported.put(t.path("businessType").asText(), new DayOracle.TypeFigures(
                t.path("customers").asLong(), t.path("waitWithinLimit").asLong(), t.path("waitOverLimit").asLong(),
                t.path("served").asLong(), t.path("handlingWithinLimit").asLong())));
        assertEquals(oracle.slaReport(), reported, report.toString());
        assertEquals(average.breaches(), report.path("branchAverageBreaches").asLong(), report.toString());

        // Each clerk's daily report.
        oracle.clerkReports().forEach((clerk, lines) -> {
            JsonNode r = json(send(callers.manager, counter, "GET", "/api/v1/clerks/" + clerk + "/daily-report?date=" + day, null, 200));
            Map<String, JsonNode> byType = new TreeMap<>();
            r.path("businessTypes").forEach(t -> byType.put(t.path("businessType").asText(), t));
            assertEquals(lines.keySet(), byType.keySet(), r.toString());
            lines.forEach((type, line) -> {
                JsonNode got = byType.get(type);
                assertEquals(line.served(), got.path("served").asInt(), clerk + " " + type + ": " + got);
                assertEquals(line.overLimit(), got.path("overLimit").asInt(), clerk + " " + type + ": " + got);
                // Each step lands within MAX_LATENESS real = 30 simulated seconds of its schedule.
                assertEquals(line.meanHandlingSeconds(), got.path("meanHandlingSeconds").asDouble(), 60.0, clerk + " " + type + ": " + got);
            });
            assertEquals(oracle.noShowsByClerk().getOrDefault(clerk, 0), r.path("noShows").asInt(), r.toString());
            Map<String, Double> paused = oracle.pausedMinutes().getOrDefault(clerk, Map.of());
            paused.forEach((reason, minutes) -> assertEquals(minutes, r.path("pausedMinutesByReason").path(reason).asDouble(), 1.0,
                    clerk + " " + reason + ": " + r));
        });

        // Alerts: every breach in exactly one alert; the duty manager on shift is paged for the
        // tickets, the area manager for the hall's average; acknowledged at once, nothing escalates,
        // and nobody off shift hears anything.
        int expectedBreaches = oracle.breachedTickets().size() + average.breaches();
        JsonNode[] alerts = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            alerts[0] = json(send(callers.dutyManager, sla, "GET", "/api/v1/alerts?branchId=" + branch, null, 200));
            int breaches = 0;
            for (JsonNode alert : alerts[0]) {
                breaches += alert.path("breaches").asInt();
            }
            assertEquals(expectedBreaches, breaches, alerts[0].toString());
        });
        int ticketAlerts = 0;
        int averageAlerts = 0;
        for (JsonNode alert : alerts[0]) {
            assertEquals("ACKNOWLEDGED", alert.path("status").asText(), alert.toString());
            assertTrue(alert.path("firstDeliveredAt").isTextual(), "never delivered: " + alert);
            if (alert.path("level").asInt() == 1) {
                ticketAlerts++;
            } else {
                assertEquals(2, alert.path("level").asInt(), "escalated: " + alert);
                averageAlerts++;
            }
        }
        assertEquals(average.breaches(), averageAlerts, alerts[0].toString());
        Map<String, Integer> messages = phoneMessages();
        int toDutyManager = messages.getOrDefault("+86138****9001", 0);
        assertTrue(toDutyManager >= ticketAlerts && toDutyManager <= 2 * ticketAlerts,
                "one page per alert, at most one grouped follow-up each: " + ticketAlerts + " alerts, " + messages);
        assertTrue(messages.getOrDefault("+86138****9003", 0) >= averageAlerts, "the area manager's page: " + messages);
        assertEquals(0, messages.getOrDefault("+86138****9002", 0), "off shift: " + messages);
        assertEquals(0, messages.getOrDefault("+86138****9004", 0), "nothing escalated to the region: " + messages);

        // What the counter screen showed each customer the CRM knows: an opted-out customer gets
        // nothing to pitch (the screen stays empty), a long wait the apology first.
        Map<String, String> customerOf = new HashMap<>();
        oracle.timeline().fates().values().forEach(f -> customerOf.put(f.arrival().label(), f.arrival().customerRef()));
        for (DayOracle.Advice advice : oracle.advice()) {
            JsonNode screen = played.screens.get(advice.ticket());
            assertNotNull(screen, "no screen read for " + advice.ticket());
            String customer = customerOf.get(advice.ticket());
            if (customer.equals(optedOut)) {
                assertTrue(screen.isNull(), advice + ": " + screen);
                continue;
            }
            assertEquals(advice.recovery(), screen.path("recovery").isObject(), advice + ": " + screen);
            assertEquals(advice.busyHall(), screen.path("hall").path("busy").asBoolean(), advice + ": " + screen);
            if (advice.recovery() && advice.busyHall()) {
                assertEquals("RECOVERY_FIRST", screen.path("noOfferReason").asText(), advice + ": " + screen);
            } else if (customer.equals(heavy)) {
                assertEquals(advice.busyHall() ? "SHORT" : "FULL", screen.path("offer").path("pitch").path("form").asText(),
                        advice + ": " + screen);
            }
        }
    }

    /**
     * A customer at another hall, so that the JVMs have run every code path the script uses once
     * before the script's pace counts: a cold first call can take seconds.
     */
    private void warmUp(String suffix) throws Exception {
        String branch = "WARM-" + suffix;
        send(callers.admin, queue, "PUT", "/api/v1/branches/" + branch, """
                {"name":"预热营业厅","timeZone":"Asia/Shanghai","opensAt":"08:00","closesAt":"20:00","businessTypes":["PAYMENT"]}""", 201);
        send(callers.admin, counter, "PUT", "/api/v1/branches/" + branch + "/counters/C01", "{\"label\":\"C01\",\"vip\":false,\"skills\":[\"PAYMENT\"]}", 201);
        String base = "/api/v1/branches/" + branch + "/counters/C01";
        send(callers.clerk, counter, "POST", base + "/sign-in", "{\"clerkId\":\"clerk-warm\"}", 200);
        for (int i = 0; i < 3; i++) {
            send(callers.kiosk, queue, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"PAYMENT\"}", 201);
            send(callers.clerk, counter, "POST", base + "/call-next", "", 200);
            if (i == 2) {
                send(callers.clerk, counter, "POST", base + "/no-show", "", 200);
                continue;
            }
            send(callers.clerk, counter, "POST", base + "/service/start", "", 200);
            send(callers.clerk, marketing, "GET", "/api/v1/branches/" + branch + "/counters/C01/recommendation", null, -1);
            send(callers.clerk, counter, "POST", base + "/service/finish", "{\"outcome\":\"COMPLETED\"}", 200);
        }
        send(callers.clerk, counter, "POST", base + "/pause", "{\"reason\":\"BREAK\"}", 200);
        send(callers.clerk, counter, "POST", base + "/resume", "", 200);
    }

    /**
     * The hall's roster: a duty manager on shift all day, a colleague whose shift is at night,
     * and the escalation chain. The numbers are of a block no subscriber holds.
     */
    private static final String ROSTER = """
            {"shifts":[
               {"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],"from":"00:00","to":"23:59",
                "managers":[{"staffId":"dm-day","channels":[{"type":"SMS","address":"+8613800009001"}]}]},
               {"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],"from":"00:00","to":"01:00",
                "managers":[{"staffId":"dm-night","channels":[{"type":"SMS","address":"+8613800009002"}]}]}],
             "escalation":{"areaManager":{"staffId":"area-day","channels":[{"type":"SMS","address":"+8613800009003"}]},
                           "regionalManager":{"staffId":"region-day","channels":[{"type":"SMS","address":"+8613800009004"}]}},
             "openingHours":[{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],"opens":"08:00","closes":"20:00"}]}""";

    /** Acknowledges every open alert of the branch as soon as it shows, as the person it paged would. */
    private final class DutyManager {
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        DutyManager(String branch) {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    for (JsonNode alert : json(send(callers.dutyManager, sla, "GET", "/api/v1/alerts?branchId=" + branch + "&status=OPEN", null, 200))) {
                        String by = alert.path("level").asInt() == 1 ? "dm-day" : "area-day";
                        send(callers.dutyManager, sla, "POST", "/api/v1/alerts/" + alert.path("alertId").asText() + "/ack", "{\"by\":\"" + by + "\"}", -1);
                    }
                } catch (RuntimeException | AssertionError e) {
                    // the next round tries again
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }
    }

    /** What the driver saw: each label's ticket id, and the counter screen of each CRM customer's service. */
    private record Played(Map<String, String> ticketIds, Map<String, JsonNode> screens) {
    }

    /** Sends every action of the timeline at its simulated time, checking each call picks the oracle's ticket. */
    private Played play(String branch, DayOracle oracle, String optedOut) throws Exception {
        Map<String, String> ids = new ConcurrentHashMap<>();
        Map<String, JsonNode> screens = new ConcurrentHashMap<>();
        Map<String, String> customerOf = new HashMap<>();
        oracle.timeline().fates().values().forEach(f -> customerOf.put(f.arrival().label(), f.arrival().customerRef()));
        Map<String, BranchDay.Arrival> arrivals = new HashMap<>();
        oracle.timeline().fates().values().forEach(f -> arrivals.put(f.arrival().label(), f.arrival()));
        // Start on a whole simulated minute, a few real seconds from now.
        Instant simNow = simulatedAt(Instant.now());
        Instant t0 = simNow.plusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        ExecutorService screenReaders = Executors.newCachedThreadPool();
        List<Future<?>> reads = new ArrayList<>();
        Duration worst = Duration.ZERO;
        String worstStep = "";
        try {
            for (Action a : oracle.timeline().actions()) {
                Instant due = realAt(t0.plusSeconds(a.at()));
                long wait = Duration.between(Instant.now(), due).toNanos();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the script on the scaled clock, not waiting for a rule
                }
                Duration late = Duration.between(due, Instant.now());
                if (late.compareTo(worst) > 0) {
                    worst = late;
                    worstStep = a.toString();
                }
                String base = "/api/v1/branches/" + branch + "/counters/" + a.counterId();
                switch (a.kind()) {
                    case ISSUE -> {
                        BranchDay.Arrival arrival = arrivals.get(a.ticket());
                        String body = "{\"businessType\":\"" + arrival.businessType() + "\""
                                + (arrival.customerRef() == null ? "" : ",\"customerRef\":\"" + arrival.customerRef() + "\"") + "}";
                        ids.put(a.ticket(), json(send(callers.kiosk, queue, "POST", "/api/v1/branches/" + branch + "/tickets", body, 201))
                                .path("ticketId").asText());
                    }
                    case SIGN_IN -> send(callers.clerk, counter, "POST", base + "/sign-in", "{\"clerkId\":\"" + clerkOf(oracle, a.counterId()) + "\"}", 200);
                    case CALL -> {
                        JsonNode called = json(send(callers.clerk, counter, "POST", base + "/call-next", "", 200));
                        assertEquals(ids.get(a.ticket()), called.path("customer").path("ticketId").asText(),
                                a + ": the queue called another ticket: " + called);
                    }
                    case START -> {
                        send(callers.clerk, counter, "POST", base + "/service/start", "", 200);
                        String customer = customerOf.get(a.ticket());
                        if (customer != null) {
                            boolean optedOutCustomer = customer.equals(optedOut);
                            reads.add(screenReaders.submit(() -> {
                                JsonNode screen = readScreen(a.ticket(), branch, a.counterId(), ids.get(a.ticket()), optedOutCustomer);
                                screens.put(a.ticket(), screen == null ? JSON.nullNode() : screen);
                                return null;
                            }));
                        }
                    }
                    case FINISH -> send(callers.clerk, counter, "POST", base + "/service/finish", "{\"outcome\":\"COMPLETED\"}", 200);
                    case NO_SHOW -> send(callers.clerk, counter, "POST", base + "/no-show", "", 200);
                    case PAUSE -> send(callers.clerk, counter, "POST", base + "/pause", "{\"reason\":\"BREAK\"}", 200);
                    case RESUME -> send(callers.clerk, counter, "POST", base + "/resume", "", 200);
                }
            }
            for (Future<?> read : reads) {
                read.get(30, TimeUnit.SECONDS);
            }
        } finally {
            screenReaders.shutdownNow();
        }
        assertTrue(worst.compareTo(MAX_LATENESS) < 0, "the machine could not keep the script's pace (worst step "
                + worst.toMillis() + " ms late: " + worstStep + "); the oracle's margins assume under " + MAX_LATENESS.toMillis() + " ms");
        return new Played(ids, screens);
    }

    /** The screen of the customer being served, read while their service runs; null if it showed nothing. */
    private JsonNode readScreen(String label, String branch, String counterId, String ticketId, boolean expectNothing) {
        String[] last = new String[1];
        java.util.concurrent.Callable<Boolean> shown = () -> {
            last[0] = send(callers.clerk, marketing, "GET", "/api/v1/branches/" + branch + "/counters/" + counterId + "/recommendation", null, -1);
            return !last[0].isBlank() && ticketId.equals(json(last[0]).path("ticketId").asText());
        };
        if (expectNothing) {
            // Nothing to show (204) is the screen of a customer who opted out: watch it for a while.
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !shown.call());
            return null;
        }
        try {
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(shown);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the screen of " + label + " at " + counterId + " never showed ticket " + ticketId
                    + "; last answer: " + last[0]);
        }
        return json(last[0]);
    }

    /** Messages in the phone stand-in's log, by (masked) recipient. */
    private static Map<String, Integer> phoneMessages() throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        phone.messages().forEach(m -> out.merge(m.to(), 1, Integer::sum));
        return out;
    }

    private static String clerkOf(DayOracle oracle, String counterId) {
        return oracle.timeline().fates().values().stream().filter(f -> f.counter().counterId().equals(counterId))
                .findFirst().orElseThrow().counter().clerkId();
    }

    private Set<Finding> ticketFindings(String branch, Map<String, String> labelOf) throws Exception {
        Set<Finding> out = new TreeSet<>();
        for (DayOracle.Kind kind : DayOracle.Kind.values()) {
            JsonNode items = json(send(callers.manager, sla, "GET", "/api/v1/breaches?branchId=" + branch + "&kind=" + kind + "&size=200", null, 200)).path("items");
            items.forEach(b -> out.add(new Finding(labelOf.getOrDefault(b.path("ticketId").asText(), "?" + b.path("ticketId").asText()), kind)));
        }
        return out;
    }

    private static Instant simulatedAt(Instant real) {
        return epoch.plusNanos(Duration.between(realStart, real).toNanos() * SCALE);
    }

    private static Instant realAt(Instant simulated) {
        return realStart.plusNanos(Duration.between(epoch, simulated).toNanos() / SCALE);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Sends a request as {@code bearer}; {@code expected} < 0 accepts any status. */
    private static String send(String bearer, ServiceProcess service, String method, String path, String json, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10))
                    .header("Authorization", bearer);
            request = json == null ? request.GET()
                    : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expected >= 0) {
                assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
