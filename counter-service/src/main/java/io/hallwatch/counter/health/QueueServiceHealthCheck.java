package io.hallwatch.counter.health;

import io.hallwatch.counter.client.QueueHealthApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Readiness includes the queue-service: without it a counter cannot call anyone. */
@Readiness
@ApplicationScoped
public class QueueServiceHealthCheck implements HealthCheck {

    private final QueueHealthApi queue;
    private final String live;

    QueueServiceHealthCheck(@RestClient QueueHealthApi queue,
                            @ConfigProperty(name = "quarkus.rest-client.queue-service.url") String url) {
        this.queue = queue;
        this.live = url.replaceAll("/+$", "") + "/q/health/live";
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Queue service").withData("url", live);
        int status;
        try (Response answer = queue.live()) {
            status = answer.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
        return response.status(status == 200).withData("status", status).build();
    }
}
