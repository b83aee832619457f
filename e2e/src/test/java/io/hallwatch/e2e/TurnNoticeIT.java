package io.hallwatch.e2e;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketTurnNear;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PhoneStandInProcess;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Your turn is near" (issue 25, item 7) across the packaged queue-service and sla-monitor-service as processes, with
 * the launcher's phone stand-in as the SMS gateway: a kiosk takes a customer's consent at the queue and number at the
 * monitor; once counters have called enough customers ahead, the phone stand-in's log has the near-turn SMS exactly
 * once, and no service log, event or answer holds the number.
 */
class TurnNoticeIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final PostgresTestResource QUEUE_DB = new PostgresTestResource();
    private static final PostgresTestResource SLA_DB = new PostgresTestResource();
    private static final Path PHONE_LOG = ServiceProcess.ROOT.resolve("e2e/target/e2e-logs/turn-notice-phone.log");
    private static final String PHONE = "13812345678";
    private static ServiceProcess queue;
    private static ServiceProcess sla;
    private static PhoneStandInProcess phone;
    private static final String KIOSK = "kiosk";
    private static final String SERVICE = "service";

    @BeforeAll
    static void startServices() throws Exception {
        String kafka = KafkaTestResource.bootstrapServers();
        Map<String, String> shared = Map.of("kafka.bootstrap.servers", kafka,
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toString(),
                "smallrye.jwt.sign.key.location", TestKeys.privateKeyFile().toString());
        phone = PhoneStandInProcess.start(ServiceProcess.ROOT, PHONE_LOG);
        Map<String, String> slaConfig = new HashMap<>(SLA_DB.start());
        slaConfig.putAll(shared);
        slaConfig.putAll(phone.monitorConfig());
        sla = ServiceProcess.start("sla-monitor-service", slaConfig); // first: the queue waits for its service standard
        Map<String, String> queueConfig = new HashMap<>(QUEUE_DB.start());
        queueConfig.putAll(shared);
        queueConfig.put("hallwatch.queue.turn-notice.every", "500ms");
        queue = ServiceProcess.start("queue-service", queueConfig);
    }

    @AfterAll
    static void stopServices() {
        if (queue != null) {
            queue.close();
        }
        if (sla != null) {
            sla.close();
        }
        if (phone != null) {
            phone.close();
        }
        SLA_DB.stop();
        QUEUE_DB.stop();
    }

    @Test
    void a_consenting_customer_gets_the_near_turn_sms_exactly_once_and_the_number_stays_at_the_monitor() throws Exception {
        String branch = "TN-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String admin = Tokens.allAccess().bearer();
        String kiosk = Tokens.role(KIOSK).branches(branch).bearer();
        String counter = Tokens.role(SERVICE).branches(branch).bearer();
        send(queue, admin, "PUT", "/api/v1/branches/" + branch, """
                {"name":"叫号提醒营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["PAYMENT"],"turnNoticeAhead":2}""", 201);
        for (int i = 0; i < 3; i++) {
            send(queue, kiosk, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"PAYMENT\"}", 201);
        }
        String ticket = field(send(queue, kiosk, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"PAYMENT\"}", 201),
                "ticketId"); // A004, 3 ahead

        // The kiosk: consent at the queue, the number at the monitor.
        String consent = send(queue, kiosk, "POST", "/api/v1/tickets/" + ticket + "/turn-notice", "{}", 201);
        assertFalse(consent.contains(PHONE));
        // The monitor takes a number only for a ticket it has seen issued (404 ticket-not-found until then): the kiosk retries.
        String contactPath = "/api/v1/tickets/" + ticket + "/turn-notice-contact";
        String contactBody = "{\"branchId\":\"" + branch + "\",\"phone\":\"" + PHONE + "\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> status(sla, kiosk, "PUT", contactPath, contactBody) != 404);
        String contact = send(sla, kiosk, "PUT", contactPath, contactBody, 200);
        assertTrue(contact.contains("138****5678") && !contact.contains(PHONE), contact);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> nearTurnSms(ticket).isEmpty());

        callNext(branch, counter, "C01"); // 2 ahead: told
        await().atMost(Duration.ofSeconds(30)).until(() -> nearTurnSms(ticket).size() == 1);
        PhoneStandInProcess.Message sms = nearTurnSms(ticket).get(0);
        assertEquals("SMS", sms.channel());
        assertTrue(sms.to().contains("138****5678") && !sms.to().contains(PHONE), sms.to());
        assertTrue(sms.text().contains("TURN_NEAR: A004 | 2"), sms.text());

        callNext(branch, counter, "C02"); // 1 ahead: nothing more, however many watches run
        callNext(branch, counter, "C03"); // 0 ahead
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> nearTurnSms(ticket).size() == 1);

        List<CloudEvent<?>> events = KafkaTestClient.eventsAbout(Topics.TICKETS, ticket, 2);
        List<TicketTurnNear> told = events.stream().filter(e -> e.data() instanceof TicketTurnNear).map(e -> (TicketTurnNear) e.data()).toList();
        assertEquals(1, told.size(), "one event: " + events);
        assertEquals(2, told.get(0).peopleAhead());
        assertTrue(events.stream().noneMatch(e -> e.toString().contains(PHONE)));

        String status = send(sla, kiosk, "PUT", "/api/v1/tickets/" + ticket + "/turn-notice-contact",
                "{\"branchId\":\"" + branch + "\",\"phone\":\"" + PHONE + "\"}", 409);
        assertTrue(status.contains("turn-notice-closed"), status);
        assertFalse(queue.logText().contains(PHONE), "the queue never saw the number");
        assertFalse(sla.logText().contains(PHONE), "the monitor never logs the number");
    }

    /** The phone stand-in's near-turn SMS (the only SMS of this run: no branch here has a duty roster). */
    private static List<PhoneStandInProcess.Message> nearTurnSms(String ticketId) throws Exception {
        return phone.messages().stream().filter(m -> m.text().contains("TURN_NEAR")).toList();
    }

    private static void callNext(String branch, String token, String counterId) throws Exception {
        send(queue, token, "POST", "/api/v1/branches/" + branch + "/queue/call-next",
                "{\"counterId\":\"" + counterId + "\",\"clerkId\":\"clerk-" + counterId + "\",\"businessTypes\":[\"PAYMENT\"],\"vipCounter\":false}",
                200);
    }

    private static String send(ServiceProcess service, String token, String method, String path, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
        return response.body();
    }

    private static int status(ServiceProcess service, String token, String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }
}
