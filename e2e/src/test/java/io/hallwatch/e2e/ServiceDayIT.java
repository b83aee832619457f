package io.hallwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventType;
import io.hallwatch.events.TicketCloseReason;
import io.hallwatch.events.TicketClosed;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.ServiceProcess;
import io.hallwatch.testsupport.jwt.TestKeys;
import io.hallwatch.testsupport.jwt.Tokens;
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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end of the service day across the packaged queue and monitor, on the demo's 60× clock: two halls close a
 * few simulated minutes after the test starts, one of them kept open ten minutes longer by its duty manager. A kiosk
 * after closing is refused with a problem saying when the hall opens; the late hall keeps issuing; at closing plus
 * grace every ticket still waiting or called is closed once with its BRANCH_CLOSED event; the monitor raises nothing
 * for them after the close (a breach raised before it is resolved), no longer counts them as waiting, and both the
 * monitor's SLA report and the queue's day report count them apart as not served. Nothing here sleeps: the clock runs.
 */
class ServiceDayIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int SCALE = 60;
    private static final PostgresTestResource QUEUE_DB = new PostgresTestResource();
    private static final PostgresTestResource SLA_DB = new PostgresTestResource();
    private static final PostgresTestResource COUNTER_DB = new PostgresTestResource();
    private static ServiceProcess queue;
    private static ServiceProcess counter;
    private static ServiceProcess sla;
    private static Instant epoch;
    private static Instant realStart;

    @BeforeAll
    static void startServices() throws Exception {
        // 16:00 in the halls when the clocks start; the halls' closing time is set from the clock once both run.
        epoch = ZonedDateTime.of(LocalDate.now(ZONE), LocalTime.of(16, 0), ZONE).toInstant();
        realStart = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> shared = Map.of("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers(),
                "hallwatch.clock.scale", Integer.toString(SCALE), "hallwatch.clock.epoch", epoch.toString(),
                "hallwatch.clock.real-start", realStart.toString(),
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toString(),
                "smallrye.jwt.sign.key.location", TestKeys.privateKeyFile().toString());
        sla = start("sla-monitor-service", SLA_DB, shared);
        queue = start("queue-service", QUEUE_DB, shared);
        // The counter runs too, as in every hall: the monitor judges a deadline only once both producers
        // of a ticket's events (queue and counter) have promised it with their watermarks.
        Map<String, String> withQueue = new HashMap<>(shared);
        withQueue.put("quarkus.rest-client.queue-service.url", queue.url(""));
        counter = start("counter-service", COUNTER_DB, withQueue);
    }

    private static ServiceProcess start(String name, PostgresTestResource db, Map<String, String> shared) throws Exception {
        Map<String, String> config = new HashMap<>(db.start());
        config.putAll(shared);
        return ServiceProcess.start(name, config);
    }

    @AfterAll
    static void stopServices() {
        if (counter != null) {
            counter.close();
        }
        if (queue != null) {
            queue.close();
        }
        if (sla != null) {
            sla.close();
        }
        QUEUE_DB.stop();
        SLA_DB.stop();
        COUNTER_DB.stop();
    }

    private static Instant simulatedNow() {
        return epoch.plusNanos(Duration.between(realStart, Instant.now()).toNanos() * SCALE);
    }

    private static void awaitSimulated(Instant moment) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !simulatedNow().isBefore(moment));
    }

    @Test
    void at_closing_the_open_tickets_are_closed_once_the_monitor_stops_their_timers_and_both_reports_count_them_apart()
            throws Exception {
        String early = "EOD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String late = "EOD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ZonedDateTime now = simulatedNow().atZone(ZONE);
        LocalDate day = now.toLocalDate();
        LocalTime closes = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(6);
        Instant closesAt = day.atTime(closes).atZone(ZONE).toInstant();
        for (String branch : List.of(early, late)) {
            send(queue, "PUT", "/api/v1/branches/" + branch, Tokens.allAccess(), """
                    {"name":"闭店营业厅","opensAt":"09:00","closesAt":"%s","closeGraceMinutes":3,"businessTypes":["PAYMENT","GENERAL"]}"""
                    .formatted(closes), 201);
        }
        // The late hall's duty manager keeps it open ten minutes longer.
        String until = day.atTime(closes.plusMinutes(10)).atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        JsonNode extension = json(send(queue, "POST", "/api/v1/branches/" + late + "/day-extensions",
                Tokens.role("duty-manager").branches(late).subject("duty-e2e"), "{\"until\":\"" + until + "\",\"reason\":\"客流高峰\"}", 201));
        assertEquals(day.toString(), extension.path("serviceDay").asText());
        assertEquals("duty-e2e", extension.path("requestedBy").asText());

        String waiting = issue(early, "GENERAL");
        String called = issue(early, "PAYMENT");
        String lateWaiting = issue(late, "GENERAL");
        JsonNode call = json(send(queue, "POST", "/api/v1/branches/" + early + "/queue/call-next", Tokens.allAccess(),
                "{\"counterId\":\"C01\",\"clerkId\":\"clerk-eod\",\"businessTypes\":[\"PAYMENT\"],\"vipCounter\":false}", 200));
        assertEquals(called, call.path("ticketId").asText());

        // Closing time: the early hall refuses a kiosk, saying when it opens; the extended one keeps serving.
        awaitSimulated(closesAt);
        String refused = send(queue, "POST", "/api/v1/branches/" + early + "/tickets", Tokens.allAccess(),
                "{\"businessType\":\"PAYMENT\"}", 409);
        JsonNode problem = json(refused);
        assertEquals("https://hallwatch.io/problems/branch-closed", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("opens again at " + day.plusDays(1) + " 09:00"), refused);
        String lateAfterClosing = issue(late, "PAYMENT");

        // Closing plus grace: both of the early hall's open tickets closed once, as they stood.
        List<CloudEvent<?>> waitingEvents = KafkaTestClient.eventsAbout(Topics.TICKETS, waiting, 2);
        assertEquals(List.of(EventType.TICKET_ISSUED, EventType.TICKET_CLOSED), waitingEvents.stream().map(CloudEvent::eventType).toList());
        TicketClosed closed = (TicketClosed) waitingEvents.get(1).data();
        assertEquals(TicketCloseReason.BRANCH_CLOSED, closed.reason());
        assertEquals("WAITING", closed.statusAtClose());
        assertEquals(day, closed.serviceDay());
        assertTrue(!closed.closedAt().isBefore(closesAt.plus(Duration.ofMinutes(3))), "closed at " + closed.closedAt());
        List<CloudEvent<?>> calledEvents = KafkaTestClient.eventsAbout(Topics.TICKETS, called, 3);
        assertEquals(EventType.TICKET_CLOSED, calledEvents.get(2).eventType());
        assertEquals("CALLED", ((TicketClosed) calledEvents.get(2).data()).statusAtClose());

        // The late hall's day ends with its extension plus grace; its first customer had breached before that.
        awaitSimulated(closesAt.plus(Duration.ofMinutes(13)));
        for (String ticket : List.of(lateWaiting, lateAfterClosing)) {
            List<CloudEvent<?>> events = KafkaTestClient.eventsAbout(Topics.TICKETS, ticket, 2);
            assertEquals(EventType.TICKET_CLOSED, events.get(events.size() - 1).eventType());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> json(send(sla, "GET", "/api/v1/breaches?branchId=" + late
                + "&kind=WAIT_BREACH&status=RESOLVED", Tokens.allAccess(), null, 200)).path("total").asInt() == 1);

        // Past the early hall's waiting customer's 15 minutes: nothing was raised for a ticket closed before then.
        JsonNode issuedWaiting = json(send(queue, "GET", "/api/v1/tickets/" + waiting, Tokens.allAccess(), null, 200));
        assertEquals("CLOSED", issuedWaiting.path("status").asText());
        awaitSimulated(Instant.parse(issuedWaiting.path("issuedAt").asText()).plus(Duration.ofMinutes(17)));
        JsonNode earlyBreaches = json(send(sla, "GET", "/api/v1/breaches?branchId=" + early, Tokens.allAccess(), null, 200));
        assertEquals(0, earlyBreaches.path("total").asInt(), earlyBreaches.toString());
        assertEquals(0, json(send(sla, "GET", "/api/v1/branches/" + early + "/sla-status", Tokens.allAccess(), null, 200))
                .path("waitingNow").asInt());

        // Both reports count the customers not served apart.
        JsonNode report = json(send(sla, "GET", "/api/v1/branches/" + early + "/sla-report?date=" + day, Tokens.allAccess(), null, 200));
        assertEquals(2, report.path("total").path("customers").asInt(), report.toString());
        assertEquals(2, report.path("total").path("notServed").asInt(), report.toString());
        assertEquals(1, report.path("total").path("waitEndedByClose").asInt(), report.toString());
        assertEquals(1, report.path("total").path("waitWithinLimit").asInt(), report.toString());
        assertEquals(0, report.path("total").path("waitPending").asInt(), report.toString());
        JsonNode lateReport = json(send(sla, "GET", "/api/v1/branches/" + late + "/sla-report?date=" + day, Tokens.allAccess(), null, 200));
        assertEquals(2, lateReport.path("total").path("notServed").asInt(), lateReport.toString());
        assertEquals(1, lateReport.path("total").path("waitOverLimit").asInt(), lateReport.toString());
        JsonNode serviceDay = json(send(queue, "GET", "/api/v1/branches/" + early + "/service-day?date=" + day, Tokens.allAccess(), null, 200));
        assertEquals("CLOSED", serviceDay.path("state").asText());
        assertEquals(2, serviceDay.path("tickets").path("notServed").asInt(), serviceDay.toString());
        assertEquals(0, serviceDay.path("tickets").path("open").asInt(), serviceDay.toString());
        JsonNode lateDay = json(send(queue, "GET", "/api/v1/branches/" + late + "/service-day?date=" + day, Tokens.allAccess(), null, 200));
        assertTrue(lateDay.path("extended").asBoolean(), lateDay.toString());
        assertEquals("duty-e2e", lateDay.path("extensions").path(0).path("requestedBy").asText());
        assertEquals(2, lateDay.path("tickets").path("notServed").asInt(), lateDay.toString());
    }

    private static String issue(String branch, String type) throws Exception {
        return json(send(queue, "POST", "/api/v1/branches/" + branch + "/tickets", Tokens.allAccess(),
                "{\"businessType\":\"" + type + "\"}", 201)).path("ticketId").asText();
    }

    private static JsonNode json(String body) throws java.io.IOException {
        return JSON.readTree(body);
    }

    private static String send(ServiceProcess service, String method, String path, Tokens token, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", token.bearer());
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
        return response.body();
    }
}
