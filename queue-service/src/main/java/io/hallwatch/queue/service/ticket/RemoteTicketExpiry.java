package io.hallwatch.queue.service.ticket;

import io.hallwatch.common.retention.LiveBound;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.domain.ticket.TicketAction;
import io.hallwatch.queue.events.ticket.TicketEvents;
import io.hallwatch.queue.store.ticket.TicketStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cancels the remote tickets nobody checked in within their window: each becomes CANCELLED with its
 * {@code hallwatch.ticket.cancelled.v1} (reason REMOTE_EXPIRED) in the transaction that cancels it. Safe with several
 * instances: tickets are taken with {@code FOR UPDATE SKIP LOCKED}, and a cancelled ticket is never REMOTE again.
 */
@ApplicationScoped
public class RemoteTicketExpiry {
    public static final String REASON = "REMOTE_EXPIRED";
    private static final Logger LOG = Logger.getLogger(RemoteTicketExpiry.class);

    private final TicketStore tickets;
    private final TicketEvents events;
    private final Clock clock;
    private final int batch;
    /** The live days each round, every ticket kept once an hour (and at start): see {@link LiveBound}. */
    private final LiveBound bound = new LiveBound(Duration.ofHours(1));

    RemoteTicketExpiry(TicketStore tickets, TicketEvents events, Clock clock, QueueConfig config) {
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
        this.batch = config.remote().expiryBatch();
    }

    @Scheduled(every = "${hallwatch.queue.remote.expiry-interval:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            expireDue();
        } catch (RuntimeException e) {
            // The next round tries again; a cancelled ticket is never cancelled twice.
            LOG.warnf(e, "Cancelling the expired remote tickets failed; tried again in the next round");
        }
    }

    /** Cancels every remote ticket past its window by now; answers how many. */
    public int expireDue() {
        int expired = 0;
        int n;
        UUID from = bound.next();
        do {
            n = QuarkusTransaction.requiringNew().call(() -> expireSome(from));
            expired += n;
        } while (n == batch);
        return expired;
    }

    private int expireSome(UUID from) {
        Instant now = clock.instant();
        List<Ticket> due = tickets.lockExpiredRemote(now, from, batch);
        for (Ticket t : due) {
            t.apply(TicketAction.CANCEL);
            t.endedAt = now;
            tickets.update(t);
            events.cancelled(t, REASON);
        }
        return due.size();
    }
}
