package io.hallwatch.counter.queue;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Readiness includes the queue-service: without it a counter cannot call anyone. */
@Readiness
@ApplicationScoped
public class QueueServiceHealthCheck implements HealthCheck {

    private final URI live;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    QueueServiceHealthCheck(@ConfigProperty(name = "quarkus.rest-client.queue-service.url") String url) {
        this.live = URI.create(url.replaceAll("/+$", "") + "/q/health/live");
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Queue service").withData("url", live.toString());
        try {
            int status = http.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(1)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return response.status(status == 200).withData("status", status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
