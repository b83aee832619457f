package io.hallwatch.queue.service.handling;

import io.hallwatch.events.CounterPaused;
import io.hallwatch.events.CounterResumed;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.queue.domain.catalogue.BusinessTypeSetup;
import io.hallwatch.queue.domain.handling.HandlingTime;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.domain.ticket.TicketAction;
import io.hallwatch.queue.domain.ticket.TicketLifecycle;
import io.hallwatch.queue.domain.ticket.TicketStatus;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.service.queue.CallPolicies;
import io.hallwatch.queue.store.handling.HandlingTimes;
import io.hallwatch.queue.store.queue.CounterPresence;
import io.hallwatch.queue.store.ticket.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What a counter's service does to the queue, on the consumer's transaction
 * ({@code events.handling.ServiceProgress}): a started service makes the ticket SERVING, a finished
 * one DONE, and every finished service teaches its branch's handling-time mean
 * ({@link HandlingTime}) that the wait estimates use. An event that no longer fits the ticket (it
 * was transferred meanwhile, or the event is a late duplicate) changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HandlingService {
    private static final Logger LOG = Logger.getLogger(HandlingService.class);

    private final HandlingTimes handlingTimes;
    private final TicketStore tickets;
    private final CatalogueService catalogue;
    private final CallPolicies policies;
    private final CounterPresence presence;

    HandlingService(HandlingTimes handlingTimes, TicketStore tickets, CatalogueService catalogue, CallPolicies policies,
                    CounterPresence presence) {
        this.presence = presence;
        this.handlingTimes = handlingTimes;
        this.tickets = tickets;
        this.catalogue = catalogue;
        this.policies = policies;
    }

    public void started(ServiceStarted started) {
        advance(started.ticketId(), TicketAction.START_SERVICE, t -> t.startedAt = started.startedAt());
    }

    public void finished(ServiceFinished finished) {
        advance(finished.ticketId(), TicketAction.FINISH_SERVICE, t -> {
            t.finishedAt = finished.finishedAt();
            t.endedAt = finished.finishedAt();
        });
        // The mean starts from the type's handling limit under the service standard.
        Optional<BusinessTypeSetup> type = catalogue.businessTypeSetup(finished.businessType());
        type.ifPresent(t -> {
            int limit = (int) policies.handlingLimit(finished.branchId(), t.code()).toSeconds();
            HandlingTime mean = handlingTimes.lockOrCreate(finished.branchId(), t.code(), limit);
            handlingTimes.save(finished.branchId(), t.code(), mean.observe(finished.handlingSeconds()));
        });
    }

    public void paused(CounterPaused paused) {
        presence.paused(paused.branchId(), paused.counterId(), paused.pausedAt(), paused.limitSeconds());
    }

    public void resumed(CounterResumed resumed) {
        presence.resumed(resumed.branchId(), resumed.counterId(), resumed.pausedAt(), resumed.resumedAt());
    }

    private void advance(String ticketId, TicketAction action, Consumer<Ticket> record) {
        Optional<Ticket> found;
        try {
            found = tickets.findForUpdate(UUID.fromString(ticketId));
        } catch (IllegalArgumentException e) {
            return;
        }
        if (found.isEmpty()) {
            LOG.debugf("Service event for unknown ticket %s ignored", ticketId);
            return;
        }
        Ticket t = found.get();
        if (action == TicketAction.FINISH_SERVICE && t.status == TicketStatus.CALLED) {
            // The start is always published before the finish on the same partition; a CALLED
            // ticket here means the start was applied by nobody yet — take both steps.
            t.apply(TicketAction.START_SERVICE);
        }
        if (TicketLifecycle.target(t.status, action).isEmpty()) {
            LOG.debugf("Ticket %s is %s; %s ignored", ticketId, t.status, action);
            return;
        }
        t.apply(action);
        record.accept(t);
        tickets.update(t);
    }
}
