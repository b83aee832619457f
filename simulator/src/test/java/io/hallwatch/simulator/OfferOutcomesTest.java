package io.hallwatch.simulator;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated clerks answer the counter screen's offers: in the documented shares, and through the outcome API. */
class OfferOutcomesTest {

    @Test
    void each_pitch_forms_shares_add_up_and_the_full_pitch_converts_better() {
        for (Map<String, Double> shares : List.of(OfferOutcomes.SHORT, OfferOutcomes.FULL)) {
            assertEquals(1.0, shares.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            assertEquals(Set.of("ACCEPTED", "INTERESTED", "DECLINED", "NOT_PITCHED"), shares.keySet());
        }
        assertTrue(OfferOutcomes.FULL.get("ACCEPTED") > OfferOutcomes.SHORT.get("ACCEPTED"));
        assertTrue(OfferOutcomes.FULL.get("NOT_PITCHED") < OfferOutcomes.SHORT.get("NOT_PITCHED"));
    }

    @Test
    void outcomes_are_drawn_in_their_pitch_forms_shares() {
        for (String form : List.of("SHORT", "FULL")) {
            Random random = new Random(11);
            Map<String, Integer> counts = new HashMap<>();
            int n = 100_000;
            for (int i = 0; i < n; i++) {
                counts.merge(OfferOutcomes.draw(form, random), 1, Integer::sum);
            }
            OfferOutcomes.sharesFor(form).forEach((result, share) ->
                    assertEquals(share, counts.getOrDefault(result, 0) / (double) n, 0.01, form + " " + result));
        }
    }

    /**
     * Against a stand-in counter and marketing service: the clerk calls, starts the service, reads the screen's
     * offer and records an outcome for that offer id before finishing the service.
     */
    @Test
    void a_clerk_records_the_outcome_of_the_offer_on_the_screen_between_start_and_finish() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + path + (body.isBlank() || body.equals("{}") ? "" : " " + body));
            String answer;
            int status = 200;
            if (path.endsWith("/call-next")) {
                answer = "{\"customer\":{\"ticketId\":\"t-1\",\"businessType\":\"PAYMENT\"}}";
            } else if (path.endsWith("/recommendation")) {
                answer = "{\"offer\":{\"offerId\":\"offer-42\",\"pitch\":{\"form\":\"FULL\"}}}";
            } else if (path.endsWith("/outcome")) {
                status = 201;
                answer = "{}";
            } else if (exchange.getRequestMethod().equals("GET")) {
                answer = "{\"status\":\"OPEN\",\"clerkId\":\"clerk-b-1-c01\"}";
            } else {
                answer = "{}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        platform.start();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            String url = "http://127.0.0.1:" + platform.getAddress().getPort();
            // 6,000x: a two-minute payment is served in about 20 ms.
            SimClock clock = new SimClock(Instant.parse("2026-11-24T01:00:00Z"), Instant.now(), 6000);
            CustomerMix mix = new CustomerMix(Map.of("PAYMENT", 120));
            ClerkSim clerk = new ClerkSim("B-1", "C01", new Api(new Traffic(), workers), config(url), new Random(5),
                    new Steps(timer, workers, clock, new Lateness()), mix);
            clerk.start();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                    assertTrue(!clerk.offers.isEmpty() && clerk.served.get() > 0, "no outcome recorded and served: " + calls));
            List<String> seen = List.copyOf(calls);
            int start = indexOf(seen, "POST /api/v1/branches/B-1/counters/C01/service/start");
            int screen = indexOf(seen, "GET /api/v1/branches/B-1/counters/C01/recommendation");
            int outcome = indexOf(seen, "POST /api/v1/offers/offer-42/outcome");
            int finish = indexOf(seen, "POST /api/v1/branches/B-1/counters/C01/service/finish");
            assertTrue(start < screen && screen < outcome && outcome < finish, seen.toString());
            String recorded = seen.get(outcome);
            assertTrue(recorded.matches(".*\\{\"result\":\"(ACCEPTED|INTERESTED|DECLINED|NOT_PITCHED)\"}"), recorded);
            assertEquals(1, clerk.offers.values().stream().mapToInt(Integer::intValue).sum());
        } finally {
            timer.shutdownNow();
            workers.shutdownNow();
            platform.stop(0);
        }
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return Integer.MAX_VALUE - calls.size();
    }

    /** The settings a clerk reads, pointed at the stand-in (counter and marketing on the same port). */
    private static SimulatorConfig config(String url) {
        return (SimulatorConfig) Proxy.newProxyInstance(SimulatorConfig.class.getClassLoader(), new Class<?>[]{SimulatorConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "counterUrl" -> url;
                    case "marketingUrl" -> Optional.of(url);
                    case "clerkIdleRecheckMax" -> Duration.ofMinutes(2);
                    case "noShowShare", "walkInShare", "outOfOrderShare", "parkShare" -> 0.0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
