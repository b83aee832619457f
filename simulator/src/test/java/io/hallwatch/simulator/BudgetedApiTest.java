package io.hallwatch.simulator;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The asynchronous API within a budget against a stand-in platform that holds its answers: the
 * caller's thread is never held, no more than the budget's calls reach the platform at once, and
 * what does not fit is shed without being sent.
 */
class BudgetedApiTest {
    private HttpServer platform;
    private ExecutorService handlers;
    private ExecutorService workers;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch threeArrived = new CountDownLatch(3);
    private final CountDownLatch answer = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            threeArrived.countDown();
            try {
                answer.await(20, TimeUnit.SECONDS); // holds the answer until the test has looked
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = "{\"ticketId\":\"t\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        handlers = Executors.newCachedThreadPool();
        platform.setExecutor(handlers);
        platform.start();
        workers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        answer.countDown();
        platform.stop(0);
        handlers.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void a_burst_of_tickets_goes_out_no_faster_than_the_kiosks_budget_and_the_overflow_is_shed_unsent() throws Exception {
        Traffic traffic = new Traffic();
        CallBudget kiosks = new CallBudget("kiosks", 3, 2, TimeUnit.SECONDS.toNanos(30), System::nanoTime, workers);
        Api kiosk = new Api(traffic, workers).as(() -> "Bearer kiosk-token").within(kiosks);
        String url = "http://127.0.0.1:" + platform.getAddress().getPort() + "/api/v1/branches/B-1/tickets";

        List<CompletableFuture<Api.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(kiosk.postAsync(url, Map.of("businessType", "PAYMENT", "tier", "NORMAL")));
        }
        // The ten calls were handed over without waiting for any answer: 5 did not fit at all.
        assertEquals(5, answers.stream().filter(a -> a.isDone() && a.join().shed()).count());

        assertTrue(threeArrived.await(20, TimeUnit.SECONDS), "the first three reach the platform");
        assertEquals(3, received.size());
        assertEquals(3, kiosks.snapshot().inFlight());
        assertEquals(2, kiosks.snapshot().waiting());

        answer.countDown();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertEquals(5, answers.stream().filter(a -> a.join().status() == 201).count());
        assertEquals(5, received.size());
        assertTrue(received.stream().allMatch(r -> r.startsWith("POST /api/v1/branches/B-1/tickets Bearer kiosk-token ")
                && r.contains("\"businessType\":\"PAYMENT\"")), received.toString());
        assertEquals(5, traffic.requests(), "shed calls are not requests");
        assertEquals(new CallBudget.Snapshot("kiosks", 3, 0, 0, 5, 5), kiosks.snapshot());
    }
}
