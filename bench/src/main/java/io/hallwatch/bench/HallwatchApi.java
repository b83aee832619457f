package io.hallwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Every REST call the benchmarks make, in one place: when the services require a token, the
 * header is added in {@link #request} and nowhere else.
 */
final class HallwatchApi {
    /** An answer: the status and the body, parsed where there is one. */
    record Answer(int status, JsonNode body) {
        Answer expect(int... accepted) {
            for (int a : accepted) {
                if (status == a) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String queue;
    private final String counter;
    private final String monitor;

    HallwatchApi(String queue, String counter, String monitor) {
        this.queue = queue;
        this.counter = counter;
        this.monitor = monitor;
    }

    Answer putBranch(String branch, Object body) {
        return send(queue + "/api/v1/branches/" + branch, "PUT", body);
    }

    Answer issueTicket(String branch, String businessType) {
        return send(queue + "/api/v1/branches/" + branch + "/tickets", "POST", java.util.Map.of("businessType", businessType));
    }

    Answer putCounter(String branch, String counterId, Object body) {
        return send(counter + "/api/v1/branches/" + branch + "/counters/" + counterId, "PUT", body);
    }

    Answer counterAction(String branch, String counterId, String action, Object body) {
        return send(counter + "/api/v1/branches/" + branch + "/counters/" + counterId + "/" + action, "POST", body);
    }

    Answer slaPolicy() {
        return send(monitor + "/api/v1/sla-policies", "GET", null);
    }

    Answer putSlaPolicy(Object body) {
        return send(monitor + "/api/v1/sla-policies", "PUT", body);
    }

    Answer putDutyRoster(String branch, Object body) {
        return send(monitor + "/api/v1/branches/" + branch + "/duty-roster", "PUT", body);
    }

    Answer etaAccuracy(String branch, String date) {
        return send(queue + "/api/v1/branches/" + branch + "/eta-accuracy?date=" + date, "GET", null);
    }

    Answer slaReport(String branch, String date) {
        return send(monitor + "/api/v1/branches/" + branch + "/sla-report?date=" + date, "GET", null);
    }

    private static final String TOKEN = System.getenv("BENCH_TOKEN");

    private HttpRequest.Builder request(String url) {
        // The one place for credentials: the token bench/platform.sh minted for the bench platform.
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return TOKEN == null ? b : b.header("Authorization", "Bearer " + TOKEN);
    }

    private Answer send(String url, String method, Object body) {
        try {
            HttpRequest.Builder b = request(url);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Answer(r.statusCode(), parsed);
        } catch (IOException e) {
            return new Answer(-1, JSON.getNodeFactory().textNode(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, JSON.getNodeFactory().textNode("interrupted"));
        }
    }
}
