package io.hallwatch.reliability;

import io.hallwatch.testsupport.jwt.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clerk at counter C01 working as fast as the counter answers: sign in, call next, start,
 * finish, again. A 2xx to a finish is a promise: the service record and one service-finished
 * event. A step that got no answer (the service was killed) is tried again; a 409 means the
 * counter is already past it.
 */
final class CounterLoad implements AutoCloseable {
    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");
    private enum Step { SIGN_IN, CALL, START, FINISH }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String token;
    private final String clerk;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private volatile Step step = Step.SIGN_IN;
    private volatile String current;

    CounterLoad(String counterServiceUrl, String branch) {
        this.base = counterServiceUrl + "/api/v1/branches/" + branch + "/counters/C01";
        // One clerk per branch: a clerk still signed in at an earlier scenario's counter could not sign in here.
        this.clerk = "clerk-" + branch.toLowerCase(java.util.Locale.ROOT);
        this.token = Tokens.role("clerk").branches(branch).subject(clerk).lifetime(Duration.ofHours(2)).bearer();
    }

    CounterLoad start() {
        timer.scheduleWithFixedDelay(this::next, 0, 150, TimeUnit.MILLISECONDS);
        return this;
    }

    private void next() {
        try {
            switch (step) {
                case SIGN_IN -> advanceOn(post("/sign-in", "{\"clerkId\":\"" + clerk + "\"}"), Step.CALL);
                case CALL -> {
                    HttpResponse<String> r = post("/call-next", "");
                    if (r != null && r.statusCode() == 200) {
                        Matcher m = TICKET_ID.matcher(r.body());
                        current = m.find() ? m.group(1) : null;
                        step = Step.START;
                    } else if (r != null && r.statusCode() == 409) {
                        step = Step.START;
                    }
                }
                case START -> advanceOn(post("/service/start", ""), Step.FINISH);
                case FINISH -> {
                    HttpResponse<String> r = post("/service/finish", "{\"outcome\":\"COMPLETED\"}");
                    if (r != null && r.statusCode() / 100 == 2) {
                        Matcher m = TICKET_ID.matcher(r.body());
                        if (m.find()) {
                            finished.add(m.group(1));
                        } else if (current != null) {
                            finished.add(current);
                        }
                    }
                    advanceOn(r, Step.CALL);
                }
            }
        } catch (RuntimeException e) {
            // the next tick tries again
        }
    }

    private void advanceOn(HttpResponse<String> r, Step then) {
        if (r != null && (r.statusCode() / 100 == 2 || r.statusCode() == 409)) {
            step = then;
        }
    }

    private HttpResponse<String> post(String path, String json) {
        requests.incrementAndGet();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500 && r.statusCode() != 503) {
                serverErrors.incrementAndGet();
            }
            return r;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Set<String> finishedTicketIds() {
        return Set.copyOf(finished);
    }

    int requests() {
        return requests.get();
    }

    int serverErrors() {
        return serverErrors.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
