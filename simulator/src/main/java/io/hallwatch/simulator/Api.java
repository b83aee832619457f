package io.hallwatch.simulator;

import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The platform's public REST API, as a kiosk or a counter terminal calls it. */
final class Api {
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Supplier<String> bearer;
    private final Traffic traffic;

    Api(Traffic traffic) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), null, traffic);
    }

    private Api(HttpClient http, Supplier<String> bearer, Traffic traffic) {
        this.http = http;
        this.bearer = bearer;
        this.traffic = traffic;
    }

    /** The same API called with this caller's token (a kiosk, a clerk, an admin). */
    Api as(Supplier<String> bearer) {
        return new Api(http, bearer, traffic);
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Answer post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Answer put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private Answer send(HttpRequest.Builder request) {
        Answer answer = exchange(request);
        traffic.record(answer.status());
        return answer;
    }

    private Answer exchange(HttpRequest.Builder request) {
        try {
            if (bearer != null) {
                request.header("Authorization", bearer.get());
            }
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), body);
        } catch (IOException e) {
            return new Answer(0, JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.nullNode());
        }
    }

    private static String json(Object body) {
        try {
            return body == null ? "{}" : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
