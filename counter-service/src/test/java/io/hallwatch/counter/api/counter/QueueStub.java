package io.hallwatch.counter.api.counter;

import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.testsupport.jwt.Tokens;
import io.restassured.path.json.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A stand-in for the queue-service, for tests about the counter alone: it answers call-next from
 * tickets a test queued for its branch (204 when none), accepts recall and no-show, records every
 * request it receives so tests can check what the counter sent, and can be switched to failing.
 * The real queue-service is exercised end to end in the e2e module.
 */
public class QueueStub implements QuarkusTestResourceLifecycleManager {

    static final Map<String, Deque<String>> TICKETS = new ConcurrentHashMap<>();
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static volatile boolean failing;
    /** What the stub's {@code /q/health/live} answers: 200, or 503 as a queue-service going down. */
    static volatile int liveStatus = 200;
    /** "branch key" of every call-next, in arrival order: the Idempotency-Key the counter sent. */
    static final List<String> CALL_KEYS = new CopyOnWriteArrayList<>();
    /** How many of the next call-nexts answer only after the counter's timeout, as an overloaded queue would. */
    static final AtomicInteger SLOW_CALL_NEXTS = new AtomicInteger();
    /** What each key was answered, as the queue-service remembers it ("" = nobody waited). */
    private static final Map<String, String> ANSWERED = new ConcurrentHashMap<>();
    /** "branch key" of every walk-in request. */
    static final List<String> WALK_IN_KEYS = new CopyOnWriteArrayList<>();
    /** Tickets waiting that a counter may choose (call-ticket), id → number; any other id is 404. */
    static final Map<String, String> CHOSEN = new ConcurrentHashMap<>();

    /** The claims of the last token the counter sent, after the stub checked its signature. */
    static volatile String lastClaims;
    private HttpServer server;

    /** Puts a called ticket of this type in the branch's queue, for the counter's next call-next; returns its id. */
    public static String waits(String branchId, String number, String businessType, Instant issuedAt, Instant calledAt) {
        // Time-ordered as the queue-service makes them: the counter's records are partitioned by the ticket's day.
        String id = TimeOrderedIds.next().toString();
        TICKETS.computeIfAbsent(branchId, b -> new ConcurrentLinkedDeque<>()).add("""
                {"ticketId":"%s","branchId":"%s","number":"%s","businessType":"%s","tier":"NORMAL","status":"CALLED",
                 "issuedAt":"%s","calledAt":"%s","counterId":"C01","recallCount":0}""".formatted(
                id, branchId, number, businessType, issuedAt, calledAt));
        return id;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        // Threads of its own: a held answer must not keep the counter's retry from being served.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return Map.of("quarkus.rest-client.queue-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(exchange.getRequestMethod() + " " + path + " " + body);
        String claims = Tokens.verifiedClaims(exchange.getRequestHeaders().getFirst("Authorization"));
        if (path.equals("/q/health/live")) {
            respond(exchange, liveStatus, liveStatus == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        } else if (!isServiceToken(claims)) {
            // As the real queue-service would: no data without a valid service token.
            respond(exchange, 401, "{\"status\":401}");
        } else if (failing) {
            respond(exchange, 500, "{\"status\":500}");
        } else if (path.endsWith("/queue/call-next")) {
            String branch = path.split("/")[4];
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            CALL_KEYS.add(branch + " " + key);
            // As the real queue-service: a key it answered before gets that answer, nobody else is called.
            java.util.function.Function<String, String> callNext = k -> {
                String next = TICKETS.getOrDefault(branch, new ConcurrentLinkedDeque<>()).poll();
                return next == null ? "" : next;
            };
            String ticket = key == null ? callNext.apply(null) : ANSWERED.computeIfAbsent(branch + " " + key, callNext);
            if (SLOW_CALL_NEXTS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                holdUntilRetried(branch + " " + key);
            }
            respond(exchange, ticket.isEmpty() ? 204 : 200, ticket);
        } else if (path.endsWith("/queue/walk-in")) {
            // As the real queue-service: a ticket of the type, already called at the counter; a key answered before
            // gets the same ticket.
            String branch = path.split("/")[4];
            JsonPath request = JsonPath.from(body);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            WALK_IN_KEYS.add(branch + " " + key);
            if ("BROADBAND".equals(request.getString("businessType"))) {
                respond(exchange, 422, "{\"type\":\"https://hallwatch.io/problems/business-type-not-offered\",\"status\":422}");
                return;
            }
            String ticket = ANSWERED.computeIfAbsent("walk-in " + branch + " " + key, k -> """
                    {"ticketId":"%s","branchId":"%s","number":"A9%02d","businessType":"%s","tier":"NORMAL","status":"CALLED",
                     "issuedAt":"%s","calledAt":"%s","counterId":"%s","recallCount":0,"walkIn":true}""".formatted(
                    TimeOrderedIds.next(), branch, WALK_IN_KEYS.size() % 100, request.getString("businessType"), Instant.now(),
                    Instant.now(), request.getString("counterId")));
            respond(exchange, 201, ticket);
        } else if (path.endsWith("/queue/call-ticket")) {
            String branch = path.split("/")[4];
            JsonPath request = JsonPath.from(body);
            String id = request.getString("ticketId");
            if (!CHOSEN.containsKey(id)) {
                respond(exchange, 404, "{\"type\":\"https://hallwatch.io/problems/ticket-not-found\",\"status\":404}");
                return;
            }
            respond(exchange, 200, """
                    {"ticketId":"%s","branchId":"%s","number":"%s","businessType":"PAYMENT","tier":"NORMAL","status":"CALLED",
                     "issuedAt":"%s","calledAt":"%s","counterId":"%s","recallCount":0,"callReason":"%s","outOfOrder":true}"""
                    .formatted(id, branch, CHOSEN.get(id), Instant.now(), Instant.now(), request.getString("counterId"),
                            request.getString("reason")));
        } else if (path.endsWith("/park")) {
            String id = path.split("/")[4];
            respond(exchange, 200, "{\"ticketId\":\"" + id + "\",\"status\":\"WAITING\"}");
        } else if (path.endsWith("/recall") || path.endsWith("/no-show")) {
            String id = path.split("/")[4];
            respond(exchange, 200, "{\"ticketId\":\"" + id + "\",\"status\":\"" + (path.endsWith("/recall") ? "CALLED" : "NO_SHOW") + "\"}");
        } else {
            respond(exchange, 404, "{}");
        }
    }

    /**
     * The queue did the work; only its answer is late: held until the counter, having timed out,
     * sent the same call again (or 10 s, when it never does and the test fails on the keys).
     */
    private static void holdUntilRetried(String branchAndKey) {
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> CALL_KEYS.stream().filter(branchAndKey::equals).count() >= 2);
        } catch (ConditionTimeoutException e) {
            // answered late anyway; the counter's missing retry is what the test reports
        }
    }

    private static boolean isServiceToken(String claims) {
        if (claims == null) {
            return false;
        }
        lastClaims = claims;
        JsonPath jwt = JsonPath.from(claims);
        return jwt.getList("groups").contains("service") && "https://hallwatch.local/auth".equals(jwt.getString("iss"))
                && jwt.getLong("exp") > java.time.Instant.now().getEpochSecond();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (body == null || status == 204) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
