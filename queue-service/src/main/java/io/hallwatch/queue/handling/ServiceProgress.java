package io.hallwatch.queue.handling;

import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.Transactions;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.Topics;
import io.hallwatch.queue.catalogue.BusinessTypeSetup;
import io.hallwatch.queue.catalogue.CatalogueService;
import io.hallwatch.queue.ticket.Ticket;
import io.hallwatch.queue.ticket.TicketAction;
import io.hallwatch.queue.ticket.TicketLifecycle;
import io.hallwatch.queue.ticket.TicketStore;
import io.hallwatch.queue.ticket.TicketStatus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Follows the counters' services (hallwatch.services.v1): a started service makes the ticket
 * SERVING, a finished one DONE, and every finished service teaches the handling-time mean the
 * wait estimates use. An event that no longer fits the ticket (it was transferred meanwhile, or
 * the event is a late duplicate) changes nothing.
 */
@ApplicationScoped
public class ServiceProgress {
    /** Consumer group and dedupe key; keep it stable. */
    public static final String CONSUMER = "queue-service-progress";
    private static final Logger LOG = Logger.getLogger(ServiceProgress.class);

    private final HandlingTimes handlingTimes;
    private final TicketStore tickets;
    private final CatalogueService catalogue;

    ServiceProgress(HandlingTimes handlingTimes, TicketStore tickets, CatalogueService catalogue) {
        this.handlingTimes = handlingTimes;
        this.tickets = tickets;
        this.catalogue = catalogue;
    }

    void onStart(@Observes StartupEvent event, EventConsumers consumers) {
        // A poll per transaction: one commit for up to max-poll-records events instead of one each,
        // which is what kept this consumer's lag growing at 50 branches (bench/README.md, 4).
        consumers.start(CONSUMER, List.of(Topics.SERVICES), this::apply, Transactions.PER_POLL);
    }

    void apply(CloudEvent<?> event) {
        if (event.data() instanceof ServiceStarted started) {
            advance(started.ticketId(), TicketAction.START_SERVICE, t -> t.startedAt = started.startedAt());
        } else if (event.data() instanceof ServiceFinished finished) {
            advance(finished.ticketId(), TicketAction.FINISH_SERVICE, t -> {
                t.finishedAt = finished.finishedAt();
                t.endedAt = finished.finishedAt();
            });
            Optional<BusinessTypeSetup> type = catalogue.businessTypeSetup(finished.businessType());
            type.ifPresent(t -> handlingTimes.observe(finished.branchId(), t.code(), t.handlingLimitSeconds(), finished.handlingSeconds()));
        }
    }

    private void advance(String ticketId, TicketAction action, java.util.function.Consumer<Ticket> record) {
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
