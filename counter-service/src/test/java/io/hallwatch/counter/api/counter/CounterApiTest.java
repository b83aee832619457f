package io.hallwatch.counter.api.counter;

import io.hallwatch.testsupport.jwt.Tokens;
import io.restassured.path.json.JsonPath;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CounterResumed;
import io.hallwatch.events.EventType;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
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
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = QueueStub.class, scope = TestResourceScope.GLOBAL)
class CounterApiTest {
    /** 10:00 in Guangzhou on 2026-11-24. */
    static final Instant MORNING = Instant.parse("2026-11-24T02:00:00Z");

    @Inject
    MutableClock clock;

    private String branch;
    private String base;

    @BeforeEach
    void openCounter() {
        clock.set(MORNING);
        QueueStub.failing = false;
        branch = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        base = "/api/v1/branches/" + branch + "/counters/C01";
        given().contentType(ContentType.JSON).body(Map.of("label", "1号台", "vip", false, "skills", List.of("PAYMENT", "GENERAL")))
                .when().put(base).then().statusCode(201).body("status", equalTo("CLOSED"));
    }

    @AfterEach
    void healQueue() {
        QueueStub.failing = false;
        QueueStub.liveStatus = 200;
    }

    @Test
    void readiness_follows_the_queue_services_liveness() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Queue service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Queue service' }.data.status", equalTo(200));

        QueueStub.liveStatus = 503;
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Queue service' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Queue service' }.data.status", equalTo(503));
    }

    @Test
    void a_clerk_serves_a_customer_and_the_screen_prompts_once_the_limit_is_passed() {
        String clerk = clerk();
        post("sign-in", Map.of("clerkId", clerk)).statusCode(200).body("status", equalTo("OPEN")).body("clerkId", equalTo(clerk));
        String ticket = queueTicket("A001", "PAYMENT");
        post("call-next", null).statusCode(200).body("customer.ticketId", equalTo(ticket)).body("customer.number", equalTo("A001"));
        assertTrue(QueueStub.REQUESTS.stream().anyMatch(r -> r.contains("/branches/" + branch + "/queue/call-next")
                && r.contains("\"counterId\":\"C01\"") && r.contains("\"clerkId\":\"" + clerk + "\"") && r.contains("PAYMENT")));

        // The counter called the queue with its own service token, not the clerk's.
        JsonPath sent = JsonPath.from(QueueStub.lastClaims);
        assertEquals("counter-service", sent.getString("sub"));
        assertEquals(List.of("service"), sent.getList("groups"));
        assertEquals(List.of("*"), sent.getList("branches"));
        assertTrue(String.valueOf((Object) sent.get("aud")).contains("hallwatch"));

        post("service/start", null).statusCode(200).body("status", equalTo("SERVING")).body("customer.limitSeconds", equalTo(120));
        clock.advance(Duration.ofMinutes(2));
        get().body("customer.overLimit", equalTo(false)).body("customer.prompt", nullValue());
        clock.advance(Duration.ofSeconds(1));
        get().body("customer.overLimit", equalTo(true)).body("customer.handlingSeconds", equalTo(121))
                .body("customer.prompt", notNullValue());

        post("sign-out", null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/counter-state-conflict"));
        post("pause", Map.of("reason", "BREAK")).statusCode(409);
        get().body("status", equalTo("SERVING"));

        post("service/finish", Map.of("outcome", "COMPLETED", "businessTypesHandled", List.of("PAYMENT", "GENERAL")))
                .statusCode(200).body("status", equalTo("OPEN")).body("customer", nullValue());
        post("sign-out", null).statusCode(200).body("status", equalTo("CLOSED"));

        List<CloudEvent<?>> events = events(ticket, 2);
        assertEquals(List.of(EventType.SERVICE_STARTED, EventType.SERVICE_FINISHED), events.stream().map(CloudEvent::eventType).toList());
        ServiceStarted started = (ServiceStarted) events.get(0).data();
        ServiceFinished finished = (ServiceFinished) events.get(1).data();
        assertEquals(clerk, started.clerkId());
        assertEquals(121, finished.handlingSeconds());
        assertEquals(List.of("PAYMENT", "GENERAL"), finished.businessTypesHandled());
        assertEquals(branch, events.get(1).key());
    }

    @Test
    void a_new_version_of_the_standard_moves_the_over_limit_prompt() {
        String clerk = clerk();
        post("sign-in", Map.of("clerkId", clerk)).statusCode(200);
        queueTicket("A002", "PAYMENT");
        post("call-next", null).statusCode(200);
        post("service/start", null).statusCode(200).body("customer.limitSeconds", equalTo(120));
        clock.advance(Duration.ofSeconds(61));
        get().body("customer.overLimit", equalTo(false));
        StandardTestResource.publish(StandardTestResource.withHandlingLimit(60, "PAYMENT", 60));
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    get().body("customer.limitSeconds", equalTo(60)).body("customer.overLimit", equalTo(true))
                            .body("customer.prompt", notNullValue()));
        } finally {
            StandardTestResource.publish(StandardTestResource.withHandlingLimit(61, "PAYMENT", 120));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                get().body("customer.limitSeconds", equalTo(120)));
        post("service/finish", Map.of("outcome", "COMPLETED")).statusCode(200);
        post("sign-out", null).statusCode(200);
    }

    @Test
    void one_clerk_works_one_counter_at_a_time() {
        given().contentType(ContentType.JSON).body(Map.of("label", "2号台", "vip", false, "skills", List.of("PAYMENT")))
                .when().put("/api/v1/branches/" + branch + "/counters/C02").then().statusCode(201);
        String clerk = clerk();
        post("sign-in", Map.of("clerkId", clerk)).statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("clerkId", clerk))
                .when().post("/api/v1/branches/" + branch + "/counters/C02/sign-in").then().statusCode(409);
        post("sign-in", Map.of("clerkId", clerk())).statusCode(409);
        get().body("clerkId", equalTo(clerk));
    }

    @Test
    void when_the_queue_is_out_of_reach_the_counter_gets_a_503_and_stays_as_it_was() {
        post("sign-in", Map.of("clerkId", clerk())).statusCode(200);
        QueueStub.failing = true;
        post("call-next", null).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://hallwatch.io/problems/queue-unavailable"));
        get().body("status", equalTo("OPEN")).body("customer", nullValue());
        QueueStub.failing = false;
        post("call-next", null).statusCode(204);
    }

    @Test
    void a_call_next_that_times_out_is_retried_with_the_clicks_key_and_calls_one_customer() {
        post("sign-in", Map.of("clerkId", clerk())).statusCode(200);
        String first = queueTicket("A001", "PAYMENT");
        String second = queueTicket("A002", "PAYMENT");
        QueueStub.SLOW_CALL_NEXTS.set(1);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "click-42").when().post(base + "/call-next")
                .then().statusCode(200).body("customer.ticketId", equalTo(first));
        assertEquals(List.of(branch + " click-42", branch + " click-42"), callKeys());
        assertTrue(QueueStub.TICKETS.get(branch).peek().contains(second), "the second customer still waits");
    }

    @Test
    void without_a_key_from_the_screen_each_call_next_gets_its_own() {
        post("sign-in", Map.of("clerkId", clerk())).statusCode(200);
        post("call-next", null).statusCode(204);
        post("call-next", null).statusCode(204);
        List<String> keys = callKeys();
        assertEquals(2, keys.size());
        assertTrue(keys.stream().noneMatch(k -> k.endsWith(" null")), keys.toString());
        assertTrue(!keys.get(0).equals(keys.get(1)), keys.toString());
        given().contentType(ContentType.JSON).header("Idempotency-Key", "bad key").when().post(base + "/call-next")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/invalid-idempotency-key"));
    }

    @Test
    void a_no_show_goes_to_the_queue_and_frees_the_counter() {
        post("sign-in", Map.of("clerkId", clerk())).statusCode(200);
        String ticket = queueTicket("A002", "PAYMENT");
        post("call-next", null).statusCode(200);
        post("call-next", null).statusCode(409);
        post("recall", null).statusCode(200).body("customer.ticketId", equalTo(ticket));
        post("no-show", null).statusCode(200).body("customer", nullValue());
        assertTrue(QueueStub.REQUESTS.stream().anyMatch(r -> r.startsWith("POST /api/v1/tickets/" + ticket + "/recall")));
        assertTrue(QueueStub.REQUESTS.stream().anyMatch(r -> r.startsWith("POST /api/v1/tickets/" + ticket + "/no-show")));
        post("service/start", null).statusCode(409);
    }

    @Test
    void a_pause_over_the_limit_is_shown_and_published() {
        String clerk = clerk();
        post("sign-in", Map.of("clerkId", clerk)).statusCode(200);
        post("pause", Map.of("reason", "COFFEE")).statusCode(400);
        post("pause", Map.of("reason", "BREAK")).statusCode(200).body("status", equalTo("PAUSED"));
        post("call-next", null).statusCode(409);
        clock.advance(Duration.ofMinutes(12));
        get().body("pause.overLimit", equalTo(true)).body("pause.seconds", equalTo(720));
        post("resume", null).statusCode(200).body("status", equalTo("OPEN")).body("pause", nullValue());
        // Paused, then resumed: the second event about this counter.
        CloudEvent<?> second = KafkaTestClient.eventsAbout(Topics.SERVICES, branch + "/C01", 2).get(1);
        assertEquals(EventType.COUNTER_RESUMED, second.eventType());
        CounterResumed resumed = (CounterResumed) second.data();
        assertEquals(720, resumed.pausedSeconds());
        assertTrue(resumed.overLimit());
    }

    @Test
    void the_daily_report_equals_a_recomputation_from_the_events() {
        String clerk = clerk();
        post("sign-in", Map.of("clerkId", clerk)).statusCode(200);
        int[] seconds = {60, 150, 95, 300, 40};
        String[] types = {"PAYMENT", "PAYMENT", "GENERAL", "GENERAL", "PAYMENT"};
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            String t = queueTicket(String.format("A%03d", 10 + i), types[i]);
            tickets.add(t);
            post("call-next", null).statusCode(200);
            post("service/start", null).statusCode(200);
            clock.advance(Duration.ofSeconds(seconds[i]));
            post("service/finish", Map.of("outcome", "COMPLETED")).statusCode(200);
        }
        queueTicket("A099", "PAYMENT");
        post("call-next", null).statusCode(200);
        post("no-show", null).statusCode(200);
        post("pause", Map.of("reason", "TRAINING")).statusCode(200);
        clock.advance(Duration.ofMinutes(9));
        post("resume", null).statusCode(200);

        List<ServiceFinished> finished = new ArrayList<>();
        for (String t : tickets) {
            finished.add((ServiceFinished) events(t, 2).get(1).data());
        }
        Map<String, List<Long>> byType = finished.stream().collect(Collectors.groupingBy(ServiceFinished::businessType,
                Collectors.mapping(ServiceFinished::handlingSeconds, Collectors.toList())));
        ValidatableResponse report = given().when().get("/api/v1/clerks/" + clerk + "/daily-report?date=2026-11-24").then().statusCode(200)
                .body("served", equalTo(5))
                .body("noShows", equalTo(1))
                .body("pausedMinutesByReason.TRAINING", equalTo(9.0f))
                .body("overLimit", equalTo((int) finished.stream().filter(f -> f.handlingSeconds() > limit(f.businessType())).count()));
        byType.forEach((type, values) -> {
            double mean = values.stream().mapToLong(Long::longValue).average().orElseThrow();
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            long p90 = sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
            report.body("businessTypes.find { it.businessType == '" + type + "' }.served", equalTo(values.size()))
                    .body("businessTypes.find { it.businessType == '" + type + "' }.meanHandlingSeconds",
                            equalTo((float) (Math.round(mean * 10) / 10.0)))
                    .body("businessTypes.find { it.businessType == '" + type + "' }.p90HandlingSeconds", equalTo((int) p90));
        });
        given().when().get("/api/v1/clerks/" + clerk + "/daily-report?date=24-11-2026").then().statusCode(400)
                .contentType("application/problem+json");

        String day = "/api/v1/clerks/" + clerk + "/daily-report?date=2026-11-24";
        given().header("Authorization", Tokens.role("clerk").subject(clerk).branches(branch).bearer())
                .when().get(day).then().statusCode(200).body("served", equalTo(5));
        given().header("Authorization", Tokens.role("clerk").subject("someone-else").branches(branch).bearer())
                .when().get(day).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.role("manager").branches(branch).bearer())
                .when().get(day).then().statusCode(200).body("served", equalTo(5));
        // A manager of other branches gets nothing of this branch's day.
        given().header("Authorization", Tokens.role("manager").branches("ELSEWHERE-1").bearer())
                .when().get(day).then().statusCode(200).body("served", equalTo(0)).body("noShows", equalTo(0))
                .body("pausedMinutesByReason.TRAINING", nullValue());

        // The branch's clerks' reports hold this clerk's day as the clerk's own report gives it.
        String branchDay = "/api/v1/branches/" + branch + "/clerk-reports?date=2026-11-24";
        given().when().get(branchDay).then().statusCode(200)
                .body("clerks.find { it.clerkId == '" + clerk + "' }.served", equalTo(5))
                .body("clerks.find { it.clerkId == '" + clerk + "' }.noShows", equalTo(1))
                .body("clerks.find { it.clerkId == '" + clerk + "' }.pausedMinutesByReason.TRAINING", equalTo(9.0f));
        given().when().get("/api/v1/branches/" + branch + "/clerk-reports?date=2026-11-25").then().statusCode(200)
                .body("clerks.find { it.clerkId == '" + clerk + "' }", nullValue());
        given().when().get("/api/v1/branches/" + branch + "/clerk-reports?date=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void bad_requests_are_problems() {
        post("sign-in", Map.of()).statusCode(400).body("type", equalTo("https://hallwatch.io/problems/validation"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/branches/" + branch + "/counters/NOPE/sign-in")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("clerkId", "x"))
                .when().post("/api/v1/branches/" + branch + "/counters/NOPE/sign-in").then().statusCode(404)
                .body("type", equalTo("https://hallwatch.io/problems/counter-not-found"));
        post("service/finish", Map.of("outcome", "MAYBE")).statusCode(400);
        post("service/start", null).statusCode(409);
    }

    @Test
    void the_counter_metrics_are_exported() {
        post("sign-in", Map.of("clerkId", clerk())).statusCode(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().when().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString(
                        "hallwatch_counters{branch=\"" + branch + "\",status=\"OPEN\"} 1.0")));
    }

    private static int limit(String type) {
        return type.equals("PAYMENT") ? 120 : 300;
    }

    private String queueTicket(String number, String type) {
        return QueueStub.waits(branch, number, type, clock.instant().minusSeconds(300), clock.instant());
    }

    private List<String> callKeys() {
        return QueueStub.CALL_KEYS.stream().filter(k -> k.startsWith(branch + " ")).toList();
    }

    private static String clerk() {
        return "clerk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ValidatableResponse post(String action, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post(base + "/" + action).then();
    }

    private ValidatableResponse get() {
        return given().when().get(base).then().statusCode(200);
    }

    private static List<CloudEvent<?>> events(String ticketId, int count) {
        return KafkaTestClient.eventsAbout(Topics.SERVICES, ticketId, count);
    }
}
