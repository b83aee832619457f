package io.hallwatch.web.client.gateway;

import io.hallwatch.web.config.WebConfig;
import io.hallwatch.web.domain.gateway.Upstream;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one API call to the service that owns it, with the signed-in person's token as the bearer,
 * and hands back the service's answer unchanged (status, body, the headers a screen needs). A
 * service out of reach (refused, timed out) is {@link Unreachable}, which the gateway answers as 503.
 */
@ApplicationScoped
public class ServiceClient {
    /** Request headers a screen may send on to a service. */
    static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Accept-Language", "Idempotency-Key");
    /** Answer headers passed back to the screen. */
    public static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Location", "Retry-After", "Idempotent-Replayed");

    private final WebConfig config;
    private final HttpClient http;

    ServiceClient(WebConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.services().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String baseUrl(Upstream upstream) {
        String url = switch (upstream) {
            case QUEUE -> config.services().queue();
            case COUNTER -> config.services().counter();
            case SLA -> config.services().sla();
            case MARKETING -> config.services().marketing();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * @param pathAndQuery the API path from {@code /api/v1/...} with its query string, already checked by the routes
     */
    public Answer send(Upstream upstream, String method, String pathAndQuery, String token,
                       Map<String, String> headers, byte[] body) throws Unreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(upstream) + pathAndQuery))
                .timeout(config.services().requestTimeout())
                .header("Authorization", "Bearer " + token);
        headers.forEach((name, value) -> {
            if (REQUEST_HEADERS.stream().anyMatch(h -> h.equalsIgnoreCase(name)) && value != null) {
                request.header(name, value);
            }
        });
        HttpRequest.BodyPublisher publisher = body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        request.method(method, publisher);
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(answer.statusCode(), answer.body(), name -> answer.headers().firstValue(name));
        } catch (HttpTimeoutException e) {
            throw new Unreachable(upstream, "timed out");
        } catch (IOException e) {
            throw new Unreachable(upstream, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(upstream, "interrupted");
        }
    }

    /** A service's answer. */
    public record Answer(int status, byte[] body, java.util.function.Function<String, Optional<String>> header) {
    }

    /** The service did not answer: refused, reset or too slow. */
    public static final class Unreachable extends Exception {
        private final Upstream upstream;

        public Unreachable(Upstream upstream, String why) {
            super(upstream + " unreachable: " + why, null, false, false);
            this.upstream = upstream;
        }

        public Upstream upstream() {
            return upstream;
        }
    }
}
