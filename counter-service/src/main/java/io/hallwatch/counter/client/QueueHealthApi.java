package io.hallwatch.counter.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.temporal.ChronoUnit;

/**
 * The queue-service's liveness, for the readiness check ({@code health.QueueServiceHealthCheck}): the
 * same base URL as {@link QueueApi}, no token (health is open to probes). Through the REST client rather than the
 * JDK's HttpClient, which loads its own HTTP and TLS stack (about 500 classes) and a selector
 * thread into a service that already has Vert.x for it.
 */
@RegisterRestClient(configKey = "queue-service")
@Path("/q/health")
public interface QueueHealthApi {
    @GET
    @Path("/live")
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    Response live();
}
