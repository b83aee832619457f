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

    /** A token the bench script minted with the bench platform's own keys (deploy/local/JwtKeys.java). */
    static String token(String env) {
        String token = System.getenv(env);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(env + " is not set: run the benchmark through its bench/ script");
        }
        return token.trim();
    }
}
