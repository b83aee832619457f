package io.hallwatch.sla.client.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The HTTP part every channel shares: a JSON POST, the status and the provider's error code judged alike. */
final class HttpChannels {
    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;

    HttpChannels(ObjectMapper json, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.json = json;
        this.timeout = timeout;
    }

    String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One GET through the client, its answer read and dropped. The first exchange of a JDK client
     * loads and links the whole HTTP/1.1 exchange, its selector thread and workers: done at start,
     * so that a process's first page does not pay for it (benchmark 3's first SMS).
     */
    void warmUp(URI target) throws IOException, InterruptedException {
        client.send(HttpRequest.newBuilder(target).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * POSTs {@code body}; 2xx with no error code is success, 429/5xx/timeouts are retryable, other
     * 4xx and a provider error code are permanent unless the code means rate limiting.
     */
    void post(String provider, String url, String body, Map<String, String> headers, String errorField) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException(false, provider + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(false, provider + " send interrupted");
        }
        int s = r.statusCode();
        if (s == 429 || s >= 500) {
            throw new DeliveryException(false, provider + " answered " + s);
        }
        if (s >= 300) {
            throw new DeliveryException(true, provider + " rejected the request: " + s);
        }
        if (errorField != null && r.body() != null && !r.body().isBlank()) {
            try {
                JsonNode n = json.readTree(r.body());
                JsonNode code = n.get(errorField);
                if (code != null && !code.asText().equals("0") && !code.asText().equalsIgnoreCase("Ok")) {
                    boolean rateLimited = code.asText().equals("45009") || code.asText().equals("130101")
                            || code.asText().toLowerCase().contains("limit");
                    throw new DeliveryException(!rateLimited, provider + " error " + code.asText());
                }
            } catch (JsonProcessingException e) {
                throw new DeliveryException(false, provider + " answered an unreadable body");
            }
        }
    }
}
