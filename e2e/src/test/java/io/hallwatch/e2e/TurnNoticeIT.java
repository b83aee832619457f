package io.hallwatch.e2e;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.RemoteTicketTaken;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketOrigin;
import io.hallwatch.events.TicketParked;
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
    private static final PostgresTestResource COUNTER_DB = new PostgresTestResource();
    private static final Path PHONE_LOG = ServiceProcess.ROOT.resolve("e2e/target/e2e-logs/turn-notice-phone.log");
    private static final String PHONE = "13812345678";
    private static ServiceProcess queue;
    private static ServiceProcess sla;
    private static ServiceProcess counter;
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
        // The counters of the remote customer's visit (call, park, call again, serve), signing the queue calls as the service.
        Map<String, String> counterConfig = new HashMap<>(COUNTER_DB.start());
        counterConfig.putAll(shared);
        counterConfig.put("quarkus.rest-client.queue-service.url", queue.url(""));
        counter = ServiceProcess.start("counter-service", counterConfig);
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
        if (phone != null) {
            phone.close();
        }
        COUNTER_DB.stop();
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

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> nearTurnSms("A004").isEmpty());

        callNext(branch, counter, "C01"); // 2 ahead: told
        await().atMost(Duration.ofSeconds(30)).until(() -> nearTurnSms("A004").size() == 1);
        PhoneStandInProcess.Message sms = nearTurnSms("A004").get(0);
        assertEquals("SMS", sms.channel());
        assertTrue(sms.to().contains("138****5678") && !sms.to().contains(PHONE), sms.to());
        assertTrue(sms.text().contains("TURN_NEAR: A004 | 2"), sms.text());

        callNext(branch, counter, "C02"); // 1 ahead: nothing more, however many watches run
        callNext(branch, counter, "C03"); // 0 ahead
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> nearTurnSms("A004").size() == 1);

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

    /**
     * A customer who took a ticket online (issue 25, item 5) comes, checks in at the kiosk and leaves a number: the
     * near-turn SMS reaches the phone stand-in once, and the visit — called at a counter, parked to fetch a document,
     * called again, served — neither texts again nor breaches its wait.
     */
    @Test
    void a_remote_ticket_checked_in_gets_one_near_turn_sms_through_a_parked_visit_and_no_breach() throws Exception {
        String branch = "TR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String admin = Tokens.allAccess().bearer();
        String kiosk = Tokens.role(KIOSK).branches(branch).bearer();
        String online = Tokens.role("online-hall").branches(branch).bearer();
        String clerk = Tokens.role("clerk").branches(branch).bearer();
        String queueCaller = Tokens.role(SERVICE).branches(branch).bearer();
        send(queue, admin, "PUT", "/api/v1/branches/" + branch, """
                {"name":"远程取号营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["GENERAL"],"turnNoticeAhead":2}""", 201);
        String desk = "/api/v1/branches/" + branch + "/counters/C01";
        send(counter, admin, "PUT", desk, "{\"label\":\"1号台\",\"vip\":false,\"skills\":[\"GENERAL\"]}", 201);
        send(counter, clerk, "POST", desk + "/sign-in", "{\"clerkId\":\"clerk-remote\"}", 200);
        for (int i = 0; i < 3; i++) {
            send(queue, kiosk, "POST", "/api/v1/branches/" + branch + "/tickets", "{\"businessType\":\"GENERAL\"}", 201); // B001-B003
        }

        // Online, before coming: numbered at once, not in the queue yet; no consent to a text before the check-in.
        String taken = send(queue, online, "POST", "/api/v1/branches/" + branch + "/remote-tickets", "{\"businessType\":\"GENERAL\"}", 201);
        String ticket = field(taken, "ticketId");
        assertEquals("REMOTE", field(taken, "status"));
        assertEquals("B004", field(taken, "number"));
        String code = field(taken, "checkInCode");
        assertTrue(code.matches("\\d{6}"), code);
        send(queue, kiosk, "POST", "/api/v1/tickets/" + ticket + "/turn-notice", "{}", 409);

        // At the kiosk: the code checks the customer in behind the three walk-ups, who then leaves a number.
        String checkedIn = send(queue, kiosk, "POST", "/api/v1/branches/" + branch + "/check-ins", "{\"code\":\"" + code + "\"}", 201);
        assertEquals(ticket, field(checkedIn, "ticketId"));
        assertEquals("WAITING", field(checkedIn, "status"));
        assertEquals("REMOTE", field(checkedIn, "origin"));
        assertTrue(checkedIn.contains("\"peopleAhead\":3"), checkedIn);
        send(queue, kiosk, "POST", "/api/v1/tickets/" + ticket + "/turn-notice", "{}", 201);
        String contactPath = "/api/v1/tickets/" + ticket + "/turn-notice-contact";
        String contactBody = "{\"branchId\":\"" + branch + "\",\"phone\":\"" + PHONE + "\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> status(sla, kiosk, "PUT", contactPath, contactBody) != 404);
        send(sla, kiosk, "PUT", contactPath, contactBody, 200);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> nearTurnSms("B004").isEmpty());

        callNext(branch, queueCaller, "Q01", "GENERAL"); // 2 ahead: told
        await().atMost(Duration.ofSeconds(30)).until(() -> nearTurnSms("B004").size() == 1);
        assertTrue(nearTurnSms("B004").get(0).text().contains("TURN_NEAR: B004 | 2"), nearTurnSms("B004").toString());
        callNext(branch, queueCaller, "Q02", "GENERAL");
        callNext(branch, queueCaller, "Q03", "GENERAL");

        // At the counter: called, parked to the front (a document to fetch), called again, served.
        assertEquals(ticket, field(send(counter, clerk, "POST", desk + "/call-next", "", 200), "ticketId"));
        send(counter, clerk, "POST", desk + "/park", "{\"position\":\"FRONT\"}", 200);
        assertEquals(ticket, field(send(counter, clerk, "POST", desk + "/call-next", "", 200), "ticketId"));
        send(counter, clerk, "POST", desk + "/service/start", "", 200);
        send(counter, clerk, "POST", desk + "/service/finish", "{\"outcome\":\"COMPLETED\"}", 200);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> nearTurnSms("B004").size() == 1);

        // Taken, issued at the check-in as REMOTE, told once, parked once.
        List<CloudEvent<?>> events = KafkaTestClient.eventsAbout(Topics.TICKETS, ticket, 6);
        assertEquals(1, events.stream().filter(e -> e.data() instanceof RemoteTicketTaken).count(), events::toString);
        List<TicketIssued> issued = events.stream().filter(e -> e.data() instanceof TicketIssued).map(e -> (TicketIssued) e.data()).toList();
        assertEquals(1, issued.size(), events::toString);
        assertEquals(TicketOrigin.REMOTE, issued.get(0).origin());
        assertEquals(1, events.stream().filter(e -> e.data() instanceof TicketTurnNear).count(), events::toString);
        assertEquals(1, events.stream().filter(e -> e.data() instanceof TicketParked).count(), events::toString);
        assertTrue(events.stream().noneMatch(e -> e.toString().contains(PHONE)));
        // The monitor followed the visit past its wait (no more numbers taken) and breached nothing for it.
        String closed = send(sla, kiosk, "PUT", contactPath, contactBody, 409);
        assertTrue(closed.contains("ticket-not-waiting"), closed);
        String breaches = send(sla, Tokens.role("duty-manager").branches(branch).bearer(), "GET", "/api/v1/breaches?branchId=" + branch, "", 200);
        assertFalse(breaches.contains(ticket), "the branch's breaches: " + breaches);
        assertFalse(sla.logText().contains(PHONE), "the monitor never logs the number");
    }

    /**
     * The phone stand-in's near-turn SMS for a ticket number (the only SMS of this run: no branch here has a duty roster).
     * Each test numbers its tickets with its own prefix (PAYMENT's A, GENERAL's B), so the tests' texts never mix.
     */
    private static List<PhoneStandInProcess.Message> nearTurnSms(String ticketNumber) throws Exception {
        return phone.messages().stream().filter(m -> m.text().contains("TURN_NEAR: " + ticketNumber + " |")).toList();
    }

    private static void callNext(String branch, String token, String counterId) throws Exception {
        callNext(branch, token, counterId, "PAYMENT");
    }

    private static void callNext(String branch, String token, String counterId, String businessType) throws Exception {
        send(queue, token, "POST", "/api/v1/branches/" + branch + "/queue/call-next",
                "{\"counterId\":\"" + counterId + "\",\"clerkId\":\"clerk-" + counterId + "\",\"businessTypes\":[\"" + businessType
                        + "\"],\"vipCounter\":false}", 200);
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
