package io.hallwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The platform's public REST API, as a kiosk or a counter terminal calls it. The simulated day
 * calls it asynchronously ({@code getAsync}, {@code postAsync}) within its caller kind's
 * {@link CallBudget}, so that a few threads keep thousands of calls in flight; set-up and the
 * per-branch summary call it blocking ({@code get}, {@code post}, {@code put}), outside any budget.
 */
final class Api {
    record Answer(int status, JsonNode body) {
        /** No answer: no connection, no answer within the timeout. */
        static final Answer FAILED = new Answer(0, JSON.nullNode());
        /** Never sent: the caller kind's budget had no room for it in time (see {@link CallBudget}). */
        static final Answer SHED = new Answer(-1, JSON.nullNode());

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean shed() {
            return status == -1;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http;
    private final Supplier<String> bearer;
    private final Traffic traffic;
    private final CallBudget budget;

    /** {@code executor} runs the client's work and the answers' continuations: the simulator's few worker threads. */
    Api(Traffic traffic, Executor executor) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(executor).build(), null, traffic, null);
    }

    private Api(HttpClient http, Supplier<String> bearer, Traffic traffic, CallBudget budget) {
        this.http = http;
        this.bearer = bearer;
        this.traffic = traffic;
        this.budget = budget;
    }

    /** The same API called with this caller's token (a kiosk, a clerk, an admin). */
    Api as(Supplier<String> bearer) {
        return new Api(http, bearer, traffic, budget);
    }

    /** The same API whose asynchronous calls wait for room in {@code budget} (a kind of caller's share). */
    Api within(CallBudget budget) {
        return new Api(http, bearer, traffic, budget);
    }

    Answer get(String url) {
        return join(exchange(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    Answer post(String url, Object body) {
        return join(exchange(withJson(url, body, "POST")));
    }

    Answer put(String url, Object body) {
        return join(exchange(withJson(url, body, "PUT")));
    }

    CompletableFuture<Answer> getAsync(String url) {
        return limited(() -> exchange(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    CompletableFuture<Answer> postAsync(String url, Object body) {
        return limited(() -> exchange(withJson(url, body, "POST")));
    }

    CompletableFuture<Answer> putAsync(String url, Object body) {
        return limited(() -> exchange(withJson(url, body, "PUT")));
    }

    private CompletableFuture<Answer> limited(Supplier<CompletableFuture<Answer>> call) {
        return budget == null ? call.get() : budget.submit(call);
    }

    private static HttpRequest.Builder withJson(String url, Object body, String method) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }

    /** Sends the request (its token taken now, when it really goes out) and counts the answer. */
    private CompletableFuture<Answer> exchange(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", bearer.get());
        }
        return http.sendAsync(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> e != null ? Answer.FAILED : answer(r))
                .thenApply(a -> {
                    traffic.record(a.status());
                    return a;
                });
    }

    private static Answer answer(HttpResponse<String> r) {
        try {
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), body);
        } catch (IOException e) {
            return new Answer(r.statusCode(), JSON.nullNode());
        }
    }

    private static Answer join(CompletableFuture<Answer> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return Answer.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.FAILED;
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
