package io.hallwatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The branches a benchmark issues kiosk tickets at: open all day (so a run at any hour is inside the opening hours),
 * offering the four busiest business types, created through the queue-service's admin API with the token the bench
 * script minted, as an operator's set-up would.
 */
final class BenchBranches {
    static final String[] TYPES = {"PAYMENT", "GENERAL", "NEW_LINE", "BROADBAND"};

    private BenchBranches() {
    }

    /** Creates (or replaces) branch {@code id} named {@code name}; fails naming the HTTP status otherwise. */
    static void create(String queue, String id, String name) throws Exception {
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(queue + "/api/v1/branches/" + id))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("HALLWATCH_BENCH_ADMIN_TOKEN"))
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                                {"name":"%s","opensAt":"00:00","closesAt":"23:59:59",
                                 "businessTypes":["PAYMENT","GENERAL","NEW_LINE","BROADBAND"]}""".formatted(name))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 201 && status != 200) {
            throw new IllegalStateException("Cannot create benchmark branch " + id + ": HTTP " + status);
        }
    }

    /**
     * Ends branch {@code id}'s service day now, as a branch closing for the night does: its hours end a minute ago
     * (Asia/Shanghai, the branches' default zone) with no grace, so the queue's closing job closes every ticket still
     * open (TicketClosed, BRANCH_CLOSED) and the consumers finish theirs. Then waits until its day has none open.
     */
    static void closeDay(String queue, String id, String name, Duration atMost) throws Exception {
        java.time.LocalTime closes = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusMinutes(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        if (closes.isBefore(java.time.LocalTime.of(0, 1))) {
            throw new IllegalStateException("Too close to midnight in Shanghai to end the day of " + id + "; run again in two minutes");
        }
        HttpClient http = HttpClient.newHttpClient();
        int status = http.send(HttpRequest.newBuilder(URI.create(queue + "/api/v1/branches/" + id))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("HALLWATCH_BENCH_ADMIN_TOKEN"))
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                                {"name":"%s","opensAt":"00:00","closesAt":"%s","closeGraceMinutes":0,
                                 "businessTypes":["PAYMENT","GENERAL","NEW_LINE","BROADBAND"]}""".formatted(name, closes))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200 && status != 201) {
            throw new IllegalStateException("Cannot end the day of " + id + ": HTTP " + status);
        }
        java.time.Instant deadline = java.time.Instant.now().plus(atMost);
        while (true) {
            HttpResponse<String> day = http.send(HttpRequest.newBuilder(URI.create(queue + "/api/v1/branches/" + id + "/service-day"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token("HALLWATCH_BENCH_ADMIN_TOKEN")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (day.statusCode() == 200 && day.body().replace(" ", "").contains("\"open\":0")) {
                return;
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The day of " + id + " still has open tickets after " + atMost + ": " + day.body());
            }
            Thread.sleep(500);
        }
    }

    /** A token the bench script minted with the bench platform's own keys (deploy/local/JwtKeys.java). */
    static String token(String env) {
        String token = System.getenv(env);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(env + " is not set: run the benchmark through its bench/ script");
        }
        return token.trim();
    }
}
