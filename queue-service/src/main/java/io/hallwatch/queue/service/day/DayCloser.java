package io.hallwatch.queue.service.day;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.common.retention.LiveBound;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.domain.ticket.TicketAction;
import io.hallwatch.queue.events.ticket.TicketEvents;
import io.hallwatch.queue.metrics.TicketMetrics;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.store.day.DayStore;
import io.hallwatch.queue.store.ticket.TicketStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Ends the service days: once a day's closing (or its extension) plus the branch's grace has passed, every ticket of
 * that day still WAITING or CALLED becomes CLOSED, each with its {@code hallwatch.ticket.closed.v1} event (reason
 * BRANCH_CLOSED) written to the outbox in the transaction that closes it. Safe with several instances and idempotent:
 * a day is closed under its advisory lock, tickets are taken with {@code FOR UPDATE SKIP LOCKED}, and a closed ticket
 * is never open again, so a second run (or instance) finds nothing. Time is the platform clock.
 */
@ApplicationScoped
public class DayCloser {
    private static final Logger LOG = Logger.getLogger(DayCloser.class);
    /** How often a round looks for open days among every ticket kept, not only the live days' (at start too). */
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final DayStore days;
    private final TicketStore tickets;
    private final CatalogueService catalogue;
    private final TicketEvents events;
    private final TicketMetrics metrics;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final int batch;
    private final LiveBound bound = new LiveBound(SWEEP_EVERY);

    DayCloser(DayStore days, TicketStore tickets, CatalogueService catalogue, TicketEvents events, TicketMetrics metrics,
              AfterCommit afterCommit, Clock clock, QueueConfig config) {
        this.days = days;
        this.tickets = tickets;
        this.catalogue = catalogue;
        this.events = events;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.batch = config.day().closeBatch();
    }

    @Scheduled(every = "${hallwatch.queue.day.close-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            closeEndedDays();
        } catch (RuntimeException e) {
            // The next round tries again; a closed ticket is never closed twice.
            LOG.warnf(e, "Closing the ended service days failed; tried again in the next round");
        }
    }

    /** Closes the open tickets of every service day that has ended by now; returns how many were closed. */
    public int closeEndedDays() {
        int closed = 0;
        for (DayStore.OpenDay day : days.openDays(bound.next())) {
            int n;
            do {
                n = QuarkusTransaction.requiringNew().call(() -> closeSome(day.branchId(), day.serviceDay()));
                closed += n;
            } while (n == batch);
        }
        return closed;
    }

    /** Up to one batch of the day's open tickets closed, if the day has ended; in one transaction with their events. */
    @Transactional(Transactional.TxType.MANDATORY)
    int closeSome(String branchId, LocalDate day) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        days.lockDay(branchId, day);
        Instant now = clock.instant();
        if (!branch.serviceDay().isOver(day, days.extension(branchId, day), now)) {
            return 0;
        }
        var open = tickets.lockOpenOfDay(branchId, day, batch);
        for (Ticket t : open) {
            String statusAtClose = t.status.name();
            t.apply(TicketAction.CLOSE_DAY);
            t.endedAt = now;
            tickets.update(t);
            events.closed(t, statusAtClose);
            afterCommit.run(() -> metrics.closedUnserved(t.branchId, t.businessType));
        }
        if (!open.isEmpty()) {
            int n = open.size();
            afterCommit.run(() -> LOG.infof("Service day %s of %s ended: %d tickets closed unserved (BRANCH_CLOSED)", day,
                    branchId, n));
        }
        return open.size();
    }
}
