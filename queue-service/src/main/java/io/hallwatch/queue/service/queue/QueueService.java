package io.hallwatch.queue.service.queue;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.catalogue.Branch;
import io.hallwatch.queue.domain.queue.CallPolicy;
import io.hallwatch.queue.domain.queue.WaitingTicket;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.events.ticket.TicketEvents;
import io.hallwatch.queue.metrics.TicketMetrics;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.service.ticket.TicketService;
import io.hallwatch.queue.service.ticket.TicketStanding;
import io.hallwatch.queue.store.queue.CounterPresence;
import io.hallwatch.queue.store.ticket.CallNextKeys;
import io.hallwatch.queue.store.ticket.OutOfOrderCalls;
import io.hallwatch.queue.store.ticket.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A branch's queue: the next ticket for a counter (call-next, the order from {@link CallPolicy})
 * and what the hall display shows. A call and its event commit together (outbox, {@link TicketEvents}).
 */
@ApplicationScoped
public class QueueService {

    private final CatalogueService catalogue;
    private final TicketService ticketService;
    private final CounterPresence presence;
    private final TicketStore tickets;
    private final CallNextKeys callKeys;
    private final TicketEvents events;
    private final TicketMetrics metrics;
    private final Clock clock;
    private final CallPolicies policies;
    private final OutOfOrderCalls outOfOrderCalls;

    QueueService(CatalogueService catalogue, TicketService ticketService, CounterPresence presence, TicketStore tickets,
                 CallNextKeys callKeys, TicketEvents events, TicketMetrics metrics, Clock clock, QueueConfig config,
                 CallPolicies policies, OutOfOrderCalls outOfOrderCalls) {
        this.outOfOrderCalls = outOfOrderCalls;
        this.catalogue = catalogue;
        this.ticketService = ticketService;
        this.presence = presence;
        this.tickets = tickets;
        this.callKeys = callKeys;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        // The wait limit and at-risk margin as the call order sees them: from QueueConfig.
        this.policies = policies;
    }

    /** What a call-next answered: the ticket called (empty: nobody waits), and whether it is a replay. */
    public record Called(Optional<TicketStanding> ticket, boolean replayed) {
    }

    /**
     * Calls the next ticket for a counter, or answers empty when nobody it serves waits. With an
     * idempotency key, a key this counter sent before gets that earlier answer and calls nobody;
     * the same key from another clerk at this counter is 422 {@code idempotency-key-reused}.
     */
    @Transactional
    public Called callNext(String branchId, String counterId, String clerkId, Set<String> businessTypes, boolean vipCounter,
                           String idempotencyKey) {
        catalogue.branchSetup(branchId);
        businessTypes.forEach(catalogue::knownBusinessType);
        if (idempotencyKey != null) {
            Optional<CallNextKeys.Earlier> earlier = callKeys.earlier(branchId, counterId, idempotencyKey);
            if (earlier.isPresent()) {
                if (!clerkId.equals(earlier.get().clerkId())) {
                    throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was used for another clerk's call at this counter");
                }
                return new Called(earlier.get().ticketId().map(ticketService::find), true);
            }
        }
        Optional<TicketStanding> called = call(branchId, counterId, clerkId, businessTypes, vipCounter);
        if (idempotencyKey != null) {
            callKeys.remember(branchId, counterId, clerkId, idempotencyKey, called.map(c -> c.ticket().id), clock.instant());
        }
        return new Called(called, false);
    }

    private Optional<TicketStanding> call(String branchId, String counterId, String clerkId, Set<String> businessTypes,
                                          boolean vipCounter) {
        Instant now = clock.instant();
        presence.seen(branchId, counterId, businessTypes, vipCounter, now);
        List<WaitingTicket> order = policies.forBranch(branchId).inCallOrder(tickets.waitingFor(branchId, businessTypes), businessTypes, vipCounter,
                now);
        // Take the first in call order that no other counter is calling at this moment: two
        // counters never get the same ticket, and neither waits for the other.
        Optional<Ticket> chosen = order.stream().map(w -> tickets.lockIfStillWaiting(w.id())).flatMap(Optional::stream).findFirst();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Ticket t = chosen.get();
        t.call(counterId, clerkId, now, null, false);
        return Optional.of(called(t, now));
    }

    private TicketStanding called(Ticket t, Instant now) {
        tickets.update(t);
        var waited = t.waitedUntil(now);
        events.called(t, waited);
        if (t.parkCount == 0) {
            // A customer's wait (and the estimate's error) is measured once, at the first call: a visit parked and
            // called again is not counted twice (the SLA monitor's histogram does the same).
            metrics.called(t.branchId, t.businessType, waited, policies.waitLimit(t.branchId, t.businessType, t.tier),
                    t.estimatedWaitSeconds != null ? t.estimatedWaitSeconds : t.estimatedWaitMinutes * 60L);
        }
        return ticketService.standing(t);
    }

    /**
     * Calls a chosen waiting ticket to a counter, whatever the call order says, for {@code reason} (a {@code CallReason}
     * name). The call is out of order where the call order would have called another ticket first at this counter: the
     * call event says so with the reason, and the branch's day report counts it for the clerk. The ticket must be of
     * this branch (404 ticket-not-found otherwise), of a type the counter serves (422 business-type-not-served) and
     * waiting (409 invalid-transition). An idempotency key works as for call-next.
     */
    @Transactional
    public Called callChosen(String branchId, String counterId, String clerkId, Set<String> businessTypes, boolean vipCounter,
                             UUID ticketId, String reason, String idempotencyKey) {
        catalogue.branchSetup(branchId);
        businessTypes.forEach(catalogue::knownBusinessType);
        if (idempotencyKey != null) {
            Optional<CallNextKeys.Earlier> earlier = callKeys.earlier(branchId, counterId, idempotencyKey);
            if (earlier.isPresent()) {
                if (!clerkId.equals(earlier.get().clerkId()) || !earlier.get().ticketId().equals(Optional.of(ticketId))) {
                    throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was used for another call at this counter");
                }
                return new Called(earlier.get().ticketId().map(ticketService::find), true);
            }
        }
        Ticket t = tickets.findForUpdate(ticketId).filter(found -> found.branchId.equals(branchId))
                .orElseThrow(() -> ProblemException.notFound("ticket-not-found", "No ticket " + ticketId + " at " + branchId));
        if (!businessTypes.contains(t.businessType)) {
            throw new ProblemException(422, "business-type-not-served", "Business type not served",
                    "Counter " + counterId + " does not serve " + t.businessType);
        }
        Instant now = clock.instant();
        presence.seen(branchId, counterId, businessTypes, vipCounter, now);
        // Out of order: the call order would have called someone else first at this counter.
        Optional<WaitingTicket> first = policies.forBranch(branchId)
                .next(tickets.waitingFor(branchId, businessTypes), businessTypes, vipCounter, now);
        boolean outOfOrder = first.isPresent() && !first.get().id().equals(t.id);
        t.call(counterId, clerkId, now, reason, outOfOrder);
        if (outOfOrder) {
            outOfOrderCalls.record(t, now);
        }
        TicketStanding called = called(t, now);
        if (idempotencyKey != null) {
            callKeys.remember(branchId, counterId, clerkId, idempotencyKey, Optional.of(t.id), now);
        }
        return new Called(Optional.of(called), false);
    }

    /** The hall display: who waits per type, in the order an ordinary counter would call them. */
    public HallQueue queue(String branchId) {
        Branch branch = catalogue.branch(branchId);
        Instant now = clock.instant();
        Map<String, List<WaitingTicket>> byType = new TreeMap<>();
        branch.businessTypes().forEach(type -> byType.put(type, new ArrayList<>()));
        Map<UUID, Ticket> waiting = new HashMap<>();
        tickets.waitingAt(branchId).forEach(t -> {
            waiting.put(t.id, t);
            byType.computeIfAbsent(t.businessType, k -> new ArrayList<>()).add(t.asWaiting());
        });
        TreeMap<String, List<Ticket>> inCallOrder = new TreeMap<>();
        CallPolicy policy = policies.forBranch(branchId);
        byType.forEach((type, sameType) -> inCallOrder.put(type, policy.inCallOrder(sameType, Set.of(type), false, now).stream()
                .map(w -> waiting.get(w.id())).toList()));
        return new HallQueue(branchId, now, inCallOrder);
    }
}
