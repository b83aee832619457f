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
            throw new ProblemException(status, status == 404 ? "ticket-not-found" : "queue-refused",
                    status == 404 ? "Not found" : "Refused by the queue",
                    "The queue-service answered " + status + " for this request");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // Timeout, open circuit, refused connection: all mean the queue is out of reach now.
            LOG.warnf("queue-service unreachable: %s", e.getClass().getSimpleName());
            throw unavailable("The queue-service cannot be reached; the counter's state is unchanged");
        }
    }

    private ProblemException unavailable(String detail) {
        return ProblemException.unavailable("queue-unavailable", detail, config.queueRetryAfter());
    }
}
