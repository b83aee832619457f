package io.hallwatch.counter.queue;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import java.time.temporal.ChronoUnit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Set;
import java.util.UUID;

/**
 * The queue-service endpoints a counter calls (base URL: quarkus.rest-client.queue-service.url),
 * with the counter-service's own service token ({@link ServiceTokenHeaders}).
 * Every call has a timeout and a circuit breaker; only the read is retried, because a retried
 * call-next or recall could call a second customer or count a recall twice. Limits can be
 * overridden in config, e.g. {@code io.hallwatch.counter.queue.QueueApi/callNext/Timeout/value}.
 */
@RegisterRestClient(configKey = "queue-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface QueueApi {

    record CallNext(String counterId, String clerkId, Set<String> businessTypes, boolean vipCounter) {
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @POST
    @Path("/branches/{branchId}/queue/call-next")
    Response callNext(@PathParam("branchId") String branchId, CallNext request);

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @POST
    @Path("/tickets/{ticketId}/recall")
    QueueTicket recall(@PathParam("ticketId") UUID ticketId);

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @POST
    @Path("/tickets/{ticketId}/no-show")
    QueueTicket noShow(@PathParam("ticketId") UUID ticketId);

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @GET
    @Path("/tickets/{ticketId}")
    QueueTicket ticket(@PathParam("ticketId") UUID ticketId);
}
