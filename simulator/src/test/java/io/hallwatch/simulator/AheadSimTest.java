package io.hallwatch.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated customers who take a ticket online or book an appointment before they come (issue 25, items 5 and 6). */
class AheadSimTest {

    @Test
    void remote_tickets_are_checked_in_later_and_appointments_booked_ahead_and_checked_in_around_their_slot() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        AtomicInteger remote = new AtomicInteger();
        AtomicInteger bookings = new AtomicInteger();
        AtomicInteger appointmentCheckIns = new AtomicInteger();
        List<String> bookable = new CopyOnWriteArrayList<>();
        // 600x: 50 simulated minutes are 5 real seconds.
        SimClock clock = new SimClock(Instant.parse("2026-11-24T02:00:00Z"), Instant.now(), 600);
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(method + " " + exchange.getRequestURI() + " " + body + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            if (path.endsWith("/appointment-plans/BROADBAND")) {
                answer(exchange, 200, "{\"businessType\":\"BROADBAND\",\"slotMinutes\":30,\"capacity\":2}");
            } else if (path.contains("/appointment-plans/")) {
                answer(exchange, 422, "{\"type\":\"https://hallwatch.local/problems/business-type-not-offered\"}");
            } else if (path.endsWith("/remote-tickets")) {
                // The first customer comes in time, the second too late.
                String code = remote.incrementAndGet() == 1 ? "111111" : "222222";
                answer(exchange, 201, "{\"ticketId\":\"r-" + code + "\",\"status\":\"REMOTE\",\"checkInCode\":\"" + code + "\"}");
            } else if (path.endsWith("/appointment-slots")) {
                Instant now = clock.now();
                bookable.add(now.plus(Duration.ofMinutes(30)).toString()); // the only one free 20 minutes to 3 hours ahead
                answer(exchange, 200, "[" + slot(now.plus(Duration.ofMinutes(5)), 2) + "," + slot(now.plus(Duration.ofMinutes(30)), 1) + ","
                        + slot(now.plus(Duration.ofMinutes(60)), 0) + "," + slot(now.plus(Duration.ofHours(5)), 2) + "]");
            } else if (path.endsWith("/appointments")) {
                if (bookings.incrementAndGet() == 1) {
                    answer(exchange, 409, "{\"type\":\"https://hallwatch.local/problems/slot-full\"}");
                } else {
                    answer(exchange, 201, "{\"appointmentId\":\"a-1\",\"checkInCode\":\"87654321\"}");
                }
            } else if (path.endsWith("/check-ins") && body.contains("111111")) {
                answer(exchange, 201, "{\"ticketId\":\"r-111111\",\"status\":\"WAITING\",\"origin\":\"REMOTE\",\"peopleAhead\":0}");
            } else if (path.endsWith("/check-ins") && body.contains("222222")) {
                answer(exchange, 409, "{\"type\":\"https://hallwatch.local/problems/remote-ticket-expired\"}");
            } else if (path.endsWith("/check-ins") && body.contains("87654321")) {
                if (appointmentCheckIns.incrementAndGet() == 1) {
                    answer(exchange, 409, "{\"type\":\"https://hallwatch.local/problems/check-in-too-early\"}");
                } else {
                    answer(exchange, 201, "{\"ticketId\":\"t-a\",\"status\":\"WAITING\",\"origin\":\"APPOINTMENT\",\"peopleAhead\":0}");
                }
            } else {
                answer(exchange, 404, "{}");
            }
        });
        platform.start();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            String url = "http://127.0.0.1:" + platform.getAddress().getPort();
            Api api = new Api(new Traffic(), workers);
            List<String> checkedIn = new CopyOnWriteArrayList<>();
            AheadSim ahead = new AheadSim("B-1", api.as(() -> "online"), api.as(() -> "kiosk"), config(url), clock, new Random(3),
                    new Steps(timer, workers, clock, new Lateness()), a -> checkedIn.add(a.body().path("ticketId").asText()));

            assertEquals(List.of("BROADBAND"), ahead.putPlans(api.as(() -> "admin"), List.of("PAYMENT", "BROADBAND", "NEW_LINE")),
                    "a plan only where the branch offers the type");
            assertTrue(calls.stream().anyMatch(c -> c.startsWith("PUT /api/v1/branches/B-1/appointment-plans/BROADBAND")
                    && c.matches(".*\"slotMinutes\":30.*") && c.matches(".*\"capacity\":[12].*") && c.endsWith("admin")), calls::toString);

            ahead.start();
            ahead.remoteTicket("PAYMENT", "NORMAL");
            ahead.remoteTicket("GENERAL", "VIP");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> assertTrue(
                    ahead.remoteCheckedIn.get() == 1 && ahead.remoteExpired.get() == 1 && ahead.slotsTaken.get() >= 1
                            && ahead.tooEarly.get() == 1 && ahead.appointmentsCheckedIn.get() >= 1, calls::toString));
            assertEquals(2, ahead.remoteTaken.get());
            assertTrue(ahead.booked.get() >= 1);
            assertTrue(checkedIn.containsAll(List.of("r-111111", "t-a")), checkedIn::toString);

            assertTrue(calls.stream().anyMatch(c -> c.startsWith("POST /api/v1/branches/B-1/remote-tickets")
                    && c.contains("\"businessType\":\"PAYMENT\"") && c.contains("\"tier\":\"NORMAL\"") && c.endsWith("online")), calls::toString);
            assertTrue(calls.stream().anyMatch(c -> c.startsWith("GET /api/v1/branches/B-1/appointment-slots?businessType=BROADBAND")
                    && c.endsWith("online")), calls::toString);
            // Only the free slot 20 minutes to 3 hours ahead is booked: not the one starting in 5 minutes, the full one, the one in 5 hours.
            List<String> booked = calls.stream().filter(c -> c.startsWith("POST /api/v1/branches/B-1/appointments")).toList();
            assertTrue(!booked.isEmpty() && booked.stream().allMatch(c -> c.contains("\"businessType\":\"BROADBAND\"") && c.endsWith("online")
                    && bookable.stream().anyMatch(start -> c.contains("\"slotStart\":\"" + start + "\""))), booked + " of " + bookable);
            assertTrue(calls.stream().anyMatch(c -> c.startsWith("POST /api/v1/branches/B-1/check-ins") && c.contains("\"code\":\"87654321\"")
                    && c.endsWith("kiosk")), calls::toString);
        } finally {
            timer.shutdownNow();
            workers.shutdownNow();
            platform.stop(0);
        }
    }

    @Test
    void customers_come_5_to_50_minutes_after_a_remote_ticket_and_around_their_slot_with_no_shows_and_late_ones() {
        Random random = new Random(11);
        int noShows = 0;
        int late = 0;
        int onTime = 0;
        for (int i = 0; i < 20_000; i++) {
            Duration lead = AheadSim.remoteLead(random);
            assertTrue(lead.compareTo(Duration.ofMinutes(5)) >= 0 && lead.compareTo(Duration.ofMinutes(50)) <= 0, lead::toString);
            Optional<Duration> arrival = AheadSim.appointmentArrival(random, 0.1);
            if (arrival.isEmpty()) {
                noShows++;
                continue;
            }
            long seconds = arrival.get().toSeconds();
            if (seconds >= 11 * 60 && seconds < 14 * 60) {
                late++;
            } else {
                assertTrue(seconds >= -14 * 60 && seconds < 8 * 60, "on time is within −14..+8 min of the slot: " + seconds);
                onTime++;
            }
        }
        assertEquals(0.10, noShows / 20_000.0, 0.01, "no-shows");
        assertEquals(0.09, late / 20_000.0, 0.01, "late: a tenth of those who come");
        assertEquals(0.81, onTime / 20_000.0, 0.015, "on time");
    }

    private static String slot(Instant start, int free) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + start.plus(Duration.ofMinutes(30)) + "\",\"capacity\":2,\"booked\":" + (2 - free)
                + ",\"free\":" + free + "}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    /** Every customer before they come plays: none stays away, ten bookings an hour. */
    private static SimulatorConfig config(String url) {
        return (SimulatorConfig) Proxy.newProxyInstance(SimulatorConfig.class.getClassLoader(), new Class<?>[]{SimulatorConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "queueUrl" -> url;
                    case "remoteTicketShare" -> 1.0;
                    case "remoteNoCheckInShare", "appointmentNoShowShare" -> 0.0;
                    case "appointmentsPerHour" -> 10.0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
