package io.hallwatch.queue.api.queue;

import io.hallwatch.queue.api.Hall;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.agroal.api.AgroalDataSource;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.KafkaTestClient;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class QueueApiTest {

    @Inject
    MutableClock clock;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void morning() {
        clock.set(Hall.MORNING);
    }

    @Test
    void nobody_waiting_is_a_204() {
        Hall hall = Hall.open();
        hall.callNext("C01", false, "PAYMENT").statusCode(204);
        hall.issued("BROADBAND", null);
        hall.callNext("C01", false, "PAYMENT").statusCode(204);
    }

    @Test
    void a_vip_is_called_before_earlier_normal_customers() {
        Hall hall = Hall.open();
        String normal = hall.issued("PAYMENT", null);
        clock.advance(Duration.ofMinutes(1));
        String vip = hall.issued("PAYMENT", "VIP");
        hall.callNext("C01", false, "PAYMENT", "GENERAL").statusCode(200).body("ticketId", equalTo(vip));
        hall.callNext("C01", false, "PAYMENT", "GENERAL").statusCode(200).body("ticketId", equalTo(normal));
    }

    @Test
    void a_customer_about_to_breach_the_15_minutes_is_called_before_a_fresh_vip() {
        Hall hall = Hall.open();
        String longWaiting = hall.issued("GENERAL", null);
        clock.advance(Duration.ofMinutes(13).plusSeconds(30));
        String vip = hall.issued("GENERAL", "VIP");
        hall.callNext("C02", false, "GENERAL").statusCode(200).body("ticketId", equalTo(longWaiting));
        hall.callNext("C02", false, "GENERAL").statusCode(200).body("ticketId", equalTo(vip));

        TicketCalled called = (TicketCalled) Hall.events(longWaiting, 2).get(1).data();
        assertEquals(810, called.waitSeconds());
        assertEquals("C02", called.counterId());
        assertEquals("clerk-C02", called.clerkId());
    }

    @Test
    void a_vip_counter_takes_its_vips_first() {
        Hall hall = Hall.open();
        String atRisk = hall.issued("PAYMENT", null);
        clock.advance(Duration.ofMinutes(14));
        String vip = hall.issued("PAYMENT", "VIP");
        hall.callNext("V01", true, "PAYMENT").statusCode(200).body("ticketId", equalTo(vip));
        hall.callNext("V01", true, "PAYMENT").statusCode(200).body("ticketId", equalTo(atRisk));
    }

    @Test
    void two_counters_calling_at_once_never_get_the_same_ticket() throws Exception {
        Hall hall = Hall.open();
        for (int i = 0; i < 12; i++) {
            hall.issued("PAYMENT", null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String counter = "C0" + (i % 6);
                calls.add(() -> hall.callNext(counter, false, "PAYMENT").statusCode(200).extract().path("ticketId"));
            }
            Set<String> called = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                called.add(f.get());
            }
            assertEquals(12, called.size());
        } finally {
            pool.shutdownNow();
        }
        hall.callNext("C01", false, "PAYMENT").statusCode(204);
    }

    @Test
    void a_repeated_call_next_key_answers_the_same_ticket_and_calls_nobody_else() {
        Hall hall = Hall.open();
        String first = hall.issued("PAYMENT", null);
        String second = hall.issued("PAYMENT", null);
        hall.callNextOnce("C01", "click-1", "PAYMENT").statusCode(200)
                .header("Idempotent-Replayed", "false").body("ticketId", equalTo(first));
        // The counter-service's retry after a timeout: the first attempt did call someone.
        hall.callNextOnce("C01", "click-1", "PAYMENT").statusCode(200)
                .header("Idempotent-Replayed", "true").body("ticketId", equalTo(first)).body("status", equalTo("CALLED"));
        // The same key from another counter is another click.
        hall.callNextOnce("C02", "click-1", "PAYMENT").statusCode(200).body("ticketId", equalTo(second));
        hall.callNextOnce("C01", "click-2", "PAYMENT").statusCode(204).header("Idempotent-Replayed", "false");
        hall.callNextOnce("C01", "click-2", "PAYMENT").statusCode(204).header("Idempotent-Replayed", "true");

        // One branch, one partition, in order: once the second ticket's call is on the topic, a
        // second call of the first would be too.
        List<CloudEvent<?>> events = KafkaTestClient.readUntil(Topics.TICKETS, Duration.ofSeconds(30),
                        rs -> rs.stream().anyMatch(r -> KafkaTestClient.isAbout(r.value(), second)
                                && EventCodec.fromBytes(r.value()).data() instanceof TicketCalled))
                .stream().filter(r -> KafkaTestClient.isAbout(r.value(), first))
                .<CloudEvent<?>>map(r -> EventCodec.fromBytes(r.value())).toList();
        assertEquals(1, events.stream().filter(e -> e.data() instanceof TicketCalled).count(), events.toString());
    }

    @Test
    void the_same_key_twice_at_once_calls_one_customer() throws Exception {
        Hall hall = Hall.open();
        String first = hall.issued("PAYMENT", null);
        String second = hall.issued("PAYMENT", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> click = () -> hall.callNextOnce("C01", "click-1", "PAYMENT").statusCode(200)
                    .extract().path("ticketId");
            for (Future<String> f : pool.invokeAll(List.of(click, click))) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        hall.callNextOnce("C01", "click-2", "PAYMENT").statusCode(200).body("ticketId", equalTo(second));
    }

    @Test
    void a_call_next_key_of_another_clerk_or_of_the_wrong_shape_is_refused() {
        Hall hall = Hall.open();
        hall.issued("PAYMENT", null);
        hall.callNextOnce("C01", "click-1", "PAYMENT").statusCode(200);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "click-1")
                .body(java.util.Map.of("counterId", "C01", "clerkId", "someone-else", "businessTypes", List.of("PAYMENT"),
                        "vipCounter", false))
                .when().post("/api/v1/branches/" + hall.branchId + "/queue/call-next")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/idempotency-key-reused"));
        hall.callNextOnce("C01", "klick mit leerzeichen", "PAYMENT").statusCode(400)
                .body("type", equalTo("https://hallwatch.io/problems/invalid-idempotency-key"));
    }

    @Test
    void the_hall_display_lists_who_waits_in_call_order() {
        Hall hall = Hall.open();
        String first = hall.issued("PAYMENT", null);
        clock.advance(Duration.ofMinutes(3));
        String vip = hall.issued("PAYMENT", "VIP");
        hall.issued("BROADBAND", null);
        clock.advance(Duration.ofMinutes(2));
        given().when().get("/api/v1/branches/" + hall.branchId + "/queue").then().statusCode(200)
                .body("waiting", equalTo(3))
                .body("businessTypes.find { it.businessType == 'PAYMENT' }.waiting", equalTo(2))
                .body("businessTypes.find { it.businessType == 'PAYMENT' }.oldestWaitSeconds", equalTo(300))
                .body("businessTypes.find { it.businessType == 'PAYMENT' }.tickets.ticketId", equalTo(List.of(vip, first)))
                .body("businessTypes.find { it.businessType == 'GENERAL' }.waiting", equalTo(0));
    }

    @Test
    void call_next_refuses_bad_requests_without_calling_anyone() {
        Hall hall = Hall.open();
        String id = hall.issued("PAYMENT", null);
        hall.callNext("C01", false, "TELEPORT").statusCode(400)
                .body("type", equalTo("https://hallwatch.io/problems/unknown-business-type"));
        hall.callNext("C01", false).statusCode(400).body("violations[0].field", equalTo("businessTypes"));
        given().contentType("application/json").body("{\"counterId\":\"C01\"}")
                .when().post("/api/v1/branches/" + hall.branchId + "/queue/call-next").then().statusCode(400);
        Hall.ticket(id).body("status", equalTo("WAITING"));
    }

    @Test
    void service_events_from_the_counters_move_the_ticket_and_teach_the_estimate() throws Exception {
        Hall hall = Hall.open();
        String id = hall.issued("PAYMENT", null);
        hall.callNext("C01", false, "PAYMENT").statusCode(200);
        Instant started = clock.advance(Duration.ofSeconds(30));
        ServiceStarted start = new ServiceStarted(id, hall.branchId, "A001", "PAYMENT", CustomerTier.NORMAL, "C01",
                "clerk-C01", started);
        KafkaTestClient.produce(Topics.SERVICES, hall.branchId, EventCodec.toBytes(CloudEvent.of("/hallwatch/counter-service", started, start)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Hall.ticket(id).body("status", equalTo("SERVING")));

        Instant finished = clock.advance(Duration.ofSeconds(60));
        ServiceFinished finish = new ServiceFinished(id, hall.branchId, "A001", "PAYMENT", CustomerTier.NORMAL, "C01",
                "clerk-C01", started, finished, 60, ServiceOutcome.COMPLETED, List.of("PAYMENT"));
        CloudEvent<ServiceFinished> event = CloudEvent.of("/hallwatch/counter-service", finished, finish);
        KafkaTestClient.produce(Topics.SERVICES, hall.branchId, EventCodec.toBytes(event));
        KafkaTestClient.produce(Topics.SERVICES, hall.branchId, EventCodec.toBytes(event));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Hall.ticket(id).body("status", equalTo("DONE")));
        // Delivered twice, learned once: the mean moved from the 120 s prior halfway to 60 s.
        await().atMost(Duration.ofSeconds(10)).until(() -> meanHandling(hall.branchId, "PAYMENT") != null);
        assertEquals(90.0, meanHandling(hall.branchId, "PAYMENT"), 0.001);
    }

    @Test
    void the_queue_metrics_are_exported() {
        Hall hall = Hall.open();
        hall.issued("PAYMENT", null);
        hall.callNext("C01", false, "PAYMENT").statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("hallwatch_tickets_issued_total{branch=\"" + hall.branchId + "\",business_type=\"PAYMENT\"}"));
        assertTrue(metrics.contains("hallwatch_ticket_wait_seconds_bucket{branch=\"" + hall.branchId + "\",business_type=\"PAYMENT\",le=\"900.0\"}"));
        // Estimated at issue: half a 120 s service, rounded up to 1 min; called at once: 60 s off, counted in seconds.
        assertTrue(metrics.contains("hallwatch_ticket_eta_error_seconds_count{branch=\"" + hall.branchId + "\",business_type=\"PAYMENT\"} 1.0"));
        assertTrue(metrics.contains("hallwatch_ticket_eta_error_seconds_sum{branch=\"" + hall.branchId + "\",business_type=\"PAYMENT\"} 60.0"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(containsString("hallwatch_tickets_waiting{branch=\"" + hall.branchId + "\",business_type=\"GENERAL\"} 0.0")));
    }

    private Double meanHandling(String branch, String type) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT mean_seconds FROM handling_time WHERE branch_id = ? AND business_type = ?")) {
            s.setString(1, branch);
            s.setString(2, type);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : null;
            }
        }
    }
}
