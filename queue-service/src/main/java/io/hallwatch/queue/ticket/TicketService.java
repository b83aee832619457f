package io.hallwatch.queue.ticket;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.events.TicketNoShow;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.TicketTransferred;
import io.hallwatch.queue.catalogue.Branch;
import io.hallwatch.queue.catalogue.BranchSetup;
import io.hallwatch.queue.catalogue.BusinessTypeSetup;
import io.hallwatch.queue.catalogue.CatalogueService;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.handling.HandlingTimes;
import io.hallwatch.queue.queue.CallNextRequest;
import io.hallwatch.queue.queue.CallPolicy;
import io.hallwatch.queue.queue.CounterPresence;
import io.hallwatch.queue.queue.QueueView;
import io.hallwatch.queue.queue.WaitEstimator;
import io.hallwatch.queue.queue.WaitingTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything that changes a ticket. Each change and its event commit together (outbox); the
 * lifecycle rules live in {@link TicketLifecycle}, the call order in {@link CallPolicy}.
 */
@ApplicationScoped
public class TicketService {

    private final CatalogueService catalogue;
    private final TicketSequence sequence;
    private final HandlingTimes handlingTimes;
    private final CounterPresence presence;
    private final Outbox outbox;
    private final Clock clock;
    private final QueueConfig config;
    private final TicketMetrics metrics;
    private final TicketStore tickets;
    private final Db db;
    private final CallPolicy policy;
    private final CallNextKeys callKeys;

    TicketService(CatalogueService catalogue, TicketSequence sequence, HandlingTimes handlingTimes, CounterPresence presence,
                  Outbox outbox, Clock clock, QueueConfig config, TicketMetrics metrics, TicketStore tickets, Db db,
                  CallNextKeys callKeys) {
        this.catalogue = catalogue;
        this.sequence = sequence;
        this.handlingTimes = handlingTimes;
        this.presence = presence;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
        this.tickets = tickets;
        this.db = db;
        this.callKeys = callKeys;
        this.policy = new CallPolicy(config.waitLimit(), config.atRiskMargin());
    }

    /** A ticket issued now, or the one an earlier request with the same idempotency key issued. */
    public record Issued(TicketView ticket, boolean created) {
    }

    @Transactional
    public Issued issue(String branchId, IssueTicketRequest request, String idempotencyKey) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        if (idempotencyKey != null) {
            Optional<Ticket> earlier = earlierIssue(branchId, idempotencyKey);
            if (earlier.isPresent()) {
                Ticket t = earlier.get();
                if (!t.businessType.equals(request.businessType()) && !request.businessType().equals(t.previousBusinessType)
                        || t.tier != request.tierOrDefault() || !Objects.equals(t.customerRef, request.customerRef())) {
                    throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was used for a different ticket request");
                }
                return new Issued(view(t), false);
            }
        }
        BusinessTypeSetup type = knownType(request.businessType());
        if (!branch.offers(type.code())) {
            throw new ProblemException(422, "business-type-not-offered", "Business type not offered",
                    branch.name() + " does not offer " + type.code());
        }
        Instant now = clock.instant();
        if (!branch.isOpenAt(now)) {
            throw new ProblemException(409, "branch-closed", "Branch closed",
                    branch.id() + " is open " + branch.opensAt() + "–" + branch.closesAt() + " (" + branch.zone() + ")");
        }
        LocalDate day = branch.serviceDay(now);
        Ticket t = new Ticket();
        t.id = TimeOrderedIds.next(); // a key every service indexes: appended, not scattered
        t.branchId = branch.id();
        t.businessType = type.code();
        t.tier = request.tierOrDefault();
        t.number = nextNumber(branch.id(), day, type);
        t.serviceDay = day;
        t.status = TicketStatus.WAITING;
        t.issuedAt = now;
        t.customerRef = request.customerRef();
        t.idempotencyKey = idempotencyKey;
        // Estimated before the row exists, with the new ticket added to the queue it joins, so the
        // row is inserted once, complete: no second write.
        Estimate estimate = estimate(t, now);
        t.estimatedWaitMinutes = estimate.minutes();
        tickets.insert(t);
        outbox.publish(now, new TicketIssued(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, t.issuedAt, t.customerRef));
        metrics.issued(t.branchId, t.businessType);
        return new Issued(view(t, estimate), true);
    }

    /** The branch a ticket belongs to, for the caller's scope check before anything else happens. */
    public String branchOf(UUID ticketId) {
        return ticket(ticketId, false).branchId;
    }

    public TicketView find(UUID ticketId) {
        return view(ticket(ticketId, false));
    }

    /** What a call-next answered: the ticket called (empty: nobody waits), and whether it is a replay. */
    public record Called(Optional<TicketView> ticket, boolean replayed) {
    }

    /**
     * Calls the next ticket for a counter, or answers empty when nobody it serves waits. With an
     * idempotency key, a key this counter sent before gets that earlier answer and calls nobody.
     */
    @Transactional
    public Called callNext(String branchId, CallNextRequest request, String idempotencyKey) {
        catalogue.branchSetup(branchId);
        request.businessTypes().forEach(this::knownType);
        if (idempotencyKey != null) {
            Optional<CallNextKeys.Earlier> earlier = callKeys.earlier(branchId, request.counterId(), request.clerkId(), idempotencyKey);
            if (earlier.isPresent()) {
                return new Called(earlier.get().ticketId().map(id -> view(ticket(id, false))), true);
            }
        }
        Optional<TicketView> called = callNext(branchId, request);
        if (idempotencyKey != null) {
            callKeys.remember(branchId, request.counterId(), request.clerkId(), idempotencyKey,
                    called.map(TicketView::ticketId), clock.instant());
        }
        return new Called(called, false);
    }

    private Optional<TicketView> callNext(String branchId, CallNextRequest request) {
        Instant now = clock.instant();
        presence.seen(branchId, request.counterId(), request.businessTypes(), request.vipCounter(), now);
        List<WaitingTicket> order = policy.inCallOrder(tickets.waitingFor(branchId, request.businessTypes()),
                request.businessTypes(), request.vipCounter(), now);
        // Take the first in call order that no other counter is calling at this moment: two
        // counters never get the same ticket, and neither waits for the other.
        Optional<Ticket> chosen = order.stream().map(w -> tickets.lockIfStillWaiting(w.id())).flatMap(Optional::stream).findFirst();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Ticket t = chosen.get();
        t.apply(TicketAction.CALL);
        t.calledAt = now;
        t.counterId = request.counterId();
        t.clerkId = request.clerkId();
        tickets.update(t);
        var waited = t.waitedUntil(now);
        outbox.publish(now, new TicketCalled(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, t.issuedAt, now,
                t.counterId, t.clerkId, waited.toSeconds()));
        metrics.called(t.branchId, t.businessType, waited, t.estimatedWaitMinutes);
        return Optional.of(view(t));
    }

    @Transactional
    public TicketView recall(UUID ticketId) {
        Ticket t = ticket(ticketId, true);
        t.apply(TicketAction.RECALL);
        t.recallCount++;
        tickets.update(t);
        Instant now = clock.instant();
        outbox.publish(now, new TicketRecalled(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, now, t.counterId,
                t.recallCount));
        return view(t);
    }

    @Transactional
    public TicketView noShow(UUID ticketId) {
        Ticket t = ticket(ticketId, true);
        t.apply(TicketAction.NO_SHOW);
        Instant now = clock.instant();
        t.endedAt = now;
        tickets.update(t);
        outbox.publish(now, new TicketNoShow(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, now, t.counterId));
        return view(t);
    }

    @Transactional
    public TicketView cancel(UUID ticketId, String reason) {
        Ticket t = ticket(ticketId, true);
        t.apply(TicketAction.CANCEL);
        Instant now = clock.instant();
        t.endedAt = now;
        tickets.update(t);
        outbox.publish(now, new TicketCancelled(t.id.toString(), t.branchId, t.number, t.businessType, t.tier, now,
                reason == null || reason.isBlank() ? null : reason));
        return view(t);
    }

    /** Moves the ticket to another type's queue with a new number, keeping its original issue time. */
    @Transactional
    public TicketView transfer(UUID ticketId, String businessType) {
        Ticket t = ticket(ticketId, true);
        BusinessTypeSetup type = knownType(businessType);
        BranchSetup branch = catalogue.branchSetup(t.branchId);
        if (!branch.offers(type.code())) {
            throw new ProblemException(422, "business-type-not-offered", "Business type not offered",
                    branch.name() + " does not offer " + type.code());
        }
        if (type.code().equals(t.businessType)) {
            throw ProblemException.conflict("same-business-type", "The ticket is already for " + type.code());
        }
        t.apply(TicketAction.TRANSFER);
        Instant now = clock.instant();
        t.previousBusinessType = t.businessType;
        t.businessType = type.code();
        t.serviceDay = branch.serviceDay(now);
        t.number = nextNumber(branch.id(), t.serviceDay, type);
        t.calledAt = null;
        t.counterId = null;
        t.clerkId = null;
        t.recallCount = 0;
        t.startedAt = null;
        tickets.update(t);
        outbox.publish(now, new TicketTransferred(t.id.toString(), t.branchId, t.number, t.businessType, t.tier,
                t.previousBusinessType, now));
        return view(t);
    }

    /** The hall display: who waits per type, in the order an ordinary counter would call them. */
    public QueueView queue(String branchId) {
        Branch branch = catalogue.branch(branchId);
        Instant now = clock.instant();
        Map<String, List<WaitingTicket>> byType = new TreeMap<>();
        branch.businessTypes().forEach(type -> byType.put(type, new ArrayList<>()));
        Map<UUID, Ticket> waiting = new java.util.HashMap<>();
        tickets.waitingAt(branchId).forEach(t -> {
            waiting.put(t.id, t);
            byType.computeIfAbsent(t.businessType, k -> new ArrayList<>()).add(waiting(t));
        });
        List<QueueView.TypeQueue> types = byType.entrySet().stream().map(e -> {
            List<QueueView.Entry> entries = policy.inCallOrder(e.getValue(), Set.of(e.getKey()), false, now).stream()
                    .map(w -> waiting.get(w.id()))
                    .map(t -> new QueueView.Entry(t.id, t.number, t.tier, t.issuedAt, t.waitedUntil(now).toSeconds()))
                    .toList();
            long oldest = entries.stream().mapToLong(QueueView.Entry::waitSeconds).max().orElse(0);
            return new QueueView.TypeQueue(e.getKey(), entries.size(), oldest, entries);
        }).toList();
        return new QueueView(branchId, now, waiting.size(), types);
    }

    private Optional<Ticket> earlierIssue(String branchId, String idempotencyKey) {
        // Serialise requests with the same key, so two retries racing each other still issue once.
        db.lockUntilCommit(branchId + "|" + idempotencyKey);
        return tickets.findByIdempotencyKey(branchId, idempotencyKey);
    }

    private String nextNumber(String branchId, LocalDate day, BusinessTypeSetup type) {
        long next = sequence.next(branchId, day, type.prefix());
        if (next > TicketNumber.MAX_PER_DAY) {
            throw ProblemException.conflict("numbers-exhausted", "No " + type.code() + " numbers left today");
        }
        return TicketNumber.format(type.prefix(), next);
    }

    private BusinessTypeSetup knownType(String code) {
        return catalogue.businessTypeSetup(code).orElseThrow(
                () -> ProblemException.badRequest("unknown-business-type", "Unknown business type " + code));
    }

    private Ticket ticket(UUID id, boolean forUpdate) {
        return (forUpdate ? tickets.findForUpdate(id) : tickets.find(id))
                .orElseThrow(() -> ProblemException.notFound("ticket-not-found", "No ticket " + id));
    }

    private static WaitingTicket waiting(Ticket t) {
        return new WaitingTicket(t.id, t.businessType, t.tier, t.issuedAt, t.number);
    }

    private record Estimate(int position, int peopleAhead, int minutes) {
    }

    /** Where a waiting ticket stands among those of its type, and how long it should still wait. */
    private Estimate estimate(Ticket t, Instant now) {
        // Light rows, not whole tickets: a long queue is read at every issue.
        List<WaitingTicket> sameType = tickets.waitingFor(t.branchId, Set.of(t.businessType));
        if (sameType.stream().noneMatch(w -> w.id().equals(t.id))) {
            // A ticket being issued has no row yet: it joins its queue here, in memory.
            sameType = new ArrayList<>(sameType);
            sameType.add(waiting(t));
        }
        List<WaitingTicket> order = policy.inCallOrder(sameType, Set.of(t.businessType), false, now);
        int ahead = 0;
        for (WaitingTicket w : order) {
            if (w.id().equals(t.id)) {
                break;
            }
            ahead++;
        }
        int limit = catalogue.businessTypeSetup(t.businessType).map(BusinessTypeSetup::handlingLimitSeconds).orElseThrow();
        double mean = handlingTimes.of(t.branchId, t.businessType, limit).meanSeconds();
        int open = presence.openFor(t.branchId, t.businessType, now.minus(config.counterPresenceWindow()));
        return new Estimate(ahead + 1, ahead, WaitEstimator.estimateMinutes(ahead, mean, open));
    }

    private TicketView view(Ticket t) {
        return view(t, t.status == TicketStatus.WAITING ? estimate(t, clock.instant()) : null);
    }

    /** {@code current} is the live estimate of a waiting ticket, null for the others. */
    private TicketView view(Ticket t, Estimate current) {
        Integer position = current == null ? null : current.position();
        Integer ahead = current == null ? null : current.peopleAhead();
        int minutes = current == null ? t.estimatedWaitMinutes : current.minutes();
        return new TicketView(t.id, t.branchId, t.number, t.businessType, t.tier, t.status, t.issuedAt, t.calledAt,
                t.counterId, t.recallCount, position, ahead, minutes, Triage.adviceFor(t.businessType, t.tier).orElse(null));
    }
}
