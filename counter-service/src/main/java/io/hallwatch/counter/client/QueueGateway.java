package io.hallwatch.counter.client;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.counter.config.CounterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The counter's only way to the queue-service. When the queue cannot be reached (down, timing out,
 * circuit open) the caller gets a 503 problem with Retry-After and the counter's state is left as it
 * was; the queue's own refusals (404, 409) are passed on.
 */
@ApplicationScoped
public class QueueGateway {
    private static final Logger LOG = Logger.getLogger(QueueGateway.class);

    private final QueueApi api;
    private final CounterConfig config;

    QueueGateway(@RestClient QueueApi api, CounterConfig config) {
        this.api = api;
        this.config = config;
    }

    /**
     * The ticket the queue called for this counter, or empty when nobody it serves waits. The
     * queue answers a repeated {@code idempotencyKey} with the ticket it called the first time.
     */
    public Optional<QueueTicket> callNext(String branchId, String counterId, String clerkId, Set<String> skills, boolean vip,
                                          String idempotencyKey) {
        return guarded(() -> {
            try (Response response = api.callNext(branchId, idempotencyKey,
                    new QueueApi.CallNext(counterId, clerkId, skills, vip))) {
                return response.getStatus() == 204 ? Optional.empty() : Optional.of(response.readEntity(QueueTicket.class));
            }
        });
    }

    /** A walk-in created called at this counter; a repeated {@code idempotencyKey} answers the same ticket. */
    public QueueTicket walkIn(String branchId, String counterId, String clerkId, Set<String> skills, String businessType,
                              String idempotencyKey) {
        return guarded(() -> {
            try (Response response = api.walkIn(branchId, idempotencyKey,
                    new QueueApi.WalkIn(counterId, clerkId, skills, businessType))) {
                return response.readEntity(QueueTicket.class);
            }
        });
    }

    /** A chosen waiting ticket called to this counter for {@code reason}. */
    public QueueTicket callTicket(String branchId, String counterId, String clerkId, Set<String> skills, boolean vip,
                                  UUID ticketId, String reason, String idempotencyKey) {
        return guarded(() -> api.callTicket(branchId, idempotencyKey,
                new QueueApi.CallTicket(counterId, clerkId, skills, vip, ticketId, reason)));
    }

    public QueueTicket park(UUID ticketId, String position) {
        return guarded(() -> api.park(ticketId, new QueueApi.Park(position)));
    }

    public QueueTicket recall(UUID ticketId) {
        return guarded(() -> api.recall(ticketId));
    }

    public QueueTicket noShow(UUID ticketId) {
        return guarded(() -> api.noShow(ticketId));
    }

    public QueueTicket ticket(UUID ticketId) {
        return guarded(() -> api.ticket(ticketId));
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                throw unavailable("The queue-service failed; retry shortly");
            }
            // The queue's own problem type where it named one (business-type-not-served, invalid-transition...).
            String slug = problemSlug(e.getResponse()).orElse(status == 404 ? "ticket-not-found" : "queue-refused");
            throw new ProblemException(status, slug, status == 404 ? "Not found" : "Refused by the queue",
                    "The queue-service answered " + status + " (" + slug + ") for this request");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // Timeout, open circuit, refused connection: all mean the queue is out of reach now.
            LOG.warnf("queue-service unreachable: %s", e.getClass().getSimpleName());
            throw unavailable("The queue-service cannot be reached; the counter's state is unchanged");
        }
    }

    private static final java.util.regex.Pattern PROBLEM_TYPE =
            java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"https://hallwatch\\.io/problems/([a-z0-9-]{1,64})\"");

    /** The slug of the queue's problem+json {@code type}, if its answer carried one. */
    private static Optional<String> problemSlug(Response response) {
        try {
            String body = response.readEntity(String.class);
            java.util.regex.Matcher m = body == null ? null : PROBLEM_TYPE.matcher(body);
            return m != null && m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private ProblemException unavailable(String detail) {
        return ProblemException.unavailable("queue-unavailable", detail, config.queueRetryAfter());
    }
}
