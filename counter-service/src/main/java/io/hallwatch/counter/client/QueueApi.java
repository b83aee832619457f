package io.hallwatch.counter.client;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import java.time.temporal.ChronoUnit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * Every call has a timeout and a circuit breaker. The read is retried, and so is call-next: it
 * carries the click's {@code Idempotency-Key}, so a retry whose first attempt did call someone
 * (the answer was only late) gets that same ticket back instead of calling a second customer.
 * Recall and no-show are not retried: a retried recall would count twice. Limits can be
 * overridden in config, e.g. {@code io.hallwatch.counter.client.QueueApi/callNext/Timeout/value}.
 */
@RegisterRestClient(configKey = "queue-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface QueueApi {
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    record CallNext(String counterId, String clerkId, Set<String> businessTypes, boolean vipCounter) {
    }

    record WalkIn(String counterId, String clerkId, Set<String> businessTypes, String businessType) {
    }

    record CallTicket(String counterId, String clerkId, Set<String> businessTypes, boolean vipCounter, UUID ticketId,
                      String reason) {
    }

    record Park(String position) {
    }

    /** Retried like call-next: the click's key makes a repeat answer the same walk-in instead of a second one. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @POST
    @Path("/branches/{branchId}/queue/walk-in")
    Response walkIn(@PathParam("branchId") String branchId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, WalkIn request);

    /** Retried like call-next, with the click's key. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @POST
    @Path("/branches/{branchId}/queue/call-ticket")
    QueueTicket callTicket(@PathParam("branchId") String branchId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           CallTicket request);

    /** Not retried: a park has no key, and a repeat of one that was done would be refused (the visit waits already). */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @POST
    @Path("/tickets/{ticketId}/park")
    QueueTicket park(@PathParam("ticketId") UUID ticketId, Park request);

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @POST
    @Path("/branches/{branchId}/queue/call-next")
    Response callNext(@PathParam("branchId") String branchId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                      CallNext request);

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
