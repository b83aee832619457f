package io.hallwatch.simulator;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated clerks play issue 25's visits through the counter API: walk-ins, chosen calls, parks. */
class VisitsSimTest {

    @Test
    void a_clerk_serves_walk_ins_calls_chosen_tickets_with_a_reason_and_parks_services() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + path + (body.isBlank() || body.equals("{}") ? "" : " " + body));
            String answer;
            if (path.endsWith("/walk-in") || path.endsWith("/call-ticket") || path.endsWith("/call-next")) {
                answer = "{\"customer\":{\"ticketId\":\"t-1\",\"businessType\":\"PAYMENT\"}}";
            } else if (path.endsWith("/queue")) {
                answer = "{\"businessTypes\":[{\"businessType\":\"PAYMENT\",\"tickets\":[{\"ticketId\":\"t-first\"},{\"ticketId\":\"t-newest\"}]}]}";
            } else if (exchange.getRequestMethod().equals("GET")) {
                answer = "{\"status\":\"OPEN\",\"clerkId\":\"clerk-b-1-c01\",\"skills\":[\"PAYMENT\"]}";
            } else {
                answer = "{}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        platform.start();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            String url = "http://127.0.0.1:" + platform.getAddress().getPort();
            SimClock clock = new SimClock(Instant.parse("2026-11-24T01:00:00Z"), Instant.now(), 6000);
            ClerkSim clerk = new ClerkSim("B-1", "C01", new Api(new Traffic(), workers), config(url), new Random(7),
                    new Steps(timer, workers, clock, new Lateness()), new CustomerMix(Map.of("PAYMENT", 120)));
            clerk.start();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                    assertTrue(clerk.walkIns.get() > 0 && clerk.chosenCalls.get() > 0 && clerk.parks.get() > 0, calls::toString));
            assertTrue(calls.stream().anyMatch(c -> c.startsWith("POST /api/v1/branches/B-1/counters/C01/walk-in")
                    && c.contains("\"businessType\":\"PAYMENT\"")), calls::toString);
            assertTrue(calls.stream().anyMatch(c -> c.startsWith("POST /api/v1/branches/B-1/counters/C01/call-ticket")
                    && c.contains("\"ticketId\":\"t-newest\"") && c.matches(".*\"reason\":\"(ELDERLY|DISABLED|PREGNANT|SUPERVISOR)\".*")),
                    "the newest waiting ticket, ahead of its turn, with a reason");
            assertTrue(calls.stream().anyMatch(c -> c.startsWith("POST /api/v1/branches/B-1/counters/C01/park")
                    && c.matches(".*\"position\":\"(FRONT|BACK|ORIGINAL)\".*")));
        } finally {
            timer.shutdownNow();
            workers.shutdownNow();
            platform.stop(0);
        }
    }

    /** A clerk who plays every visit often: a third walk-ins, a third chosen calls, half the services parked. */
    private static SimulatorConfig config(String url) {
        return (SimulatorConfig) Proxy.newProxyInstance(SimulatorConfig.class.getClassLoader(), new Class<?>[]{SimulatorConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "counterUrl", "queueUrl" -> url;
                    case "marketingUrl" -> Optional.empty();
                    case "clerkIdleRecheckMax" -> Duration.ofMinutes(2);
                    case "noShowShare" -> 0.0;
                    case "walkInShare", "outOfOrderShare" -> 0.33;
                    case "parkShare" -> 0.5;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
