package io.hallwatch.reliability;

import io.hallwatch.testsupport.jwt.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kiosks issuing tickets at one branch at a fixed rate. Every 2xx answer is a promise the oracle
 * keeps: the ticket id it returned must be stored and published exactly once.
 */
final class KioskLoad implements AutoCloseable {
    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");
    private static final List<String> TYPES = List.of("PAYMENT", "GENERAL");

    /** One answer: status (-1 when no answer came), latency in ms, Content-Type, Retry-After. */
    record Answer(long sentAtNanos, int status, long millis, String contentType, String retryAfter) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final String baseUrl;
    private final String branch;
    private final String token;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    KioskLoad(String baseUrl, String branch) {
        this.baseUrl = baseUrl;
        this.branch = branch;
        this.token = Tokens.role("kiosk").branches(branch).lifetime(Duration.ofHours(2)).bearer();
    }

    /** Starts sending {@code perSecond} requests a second until {@link #stop()}. */
    KioskLoad start(int perSecond) {
        timer.scheduleAtFixedRate(this::sendOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    private void sendOne() {
        int n = sent.incrementAndGet();
        long begin = System.nanoTime();
        inFlight.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/branches/" + branch + "/tickets"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"businessType\":\"" + TYPES.get(n % TYPES.size()) + "\"}")).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long millis = (System.nanoTime() - begin) / 1_000_000;
            if (failure != null) {
                answers.add(new Answer(begin, -1, millis, "", ""));
            } else {
                if (response.statusCode() / 100 == 2) {
                    Matcher m = TICKET_ID.matcher(response.body());
                    if (m.find()) {
                        accepted.add(m.group(1));
                    }
                }
                answers.add(new Answer(begin, response.statusCode(), millis,
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Retry-After").orElse("")));
            }
            inFlight.decrementAndGet();
        });
    }

    /** Stops sending and waits for the answers still on their way. */
    void stop() {
        timer.shutdownNow();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.get() == 0);
    }

    int accepted() {
        return accepted.size();
    }

    Set<String> acceptedTicketIds() {
        return Set.copyOf(accepted);
    }

    List<Answer> answers() {
        return new ArrayList<>(answers);
    }

    int sent() {
        return sent.get();
    }

    long count(java.util.function.Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    /** Two loads at one branch seen as one, for the oracle. */
    static KioskLoad union(KioskLoad a, KioskLoad b) {
        KioskLoad both = new KioskLoad(a.baseUrl, a.branch);
        both.timer.shutdownNow();
        both.accepted.addAll(a.accepted);
        both.accepted.addAll(b.accepted);
        both.answers.addAll(a.answers);
        both.answers.addAll(b.answers);
        both.sent.set(a.sent() + b.sent());
        return both;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

}
