package io.hallwatch.queue.service.ticket;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ParkPosition;
import io.hallwatch.events.TicketOrigin;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.queue.domain.appointment.Appointment;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import io.hallwatch.queue.domain.catalogue.BusinessTypeSetup;
import io.hallwatch.queue.service.checkin.CheckInCodeChooser;
import io.hallwatch.queue.service.queue.CallPolicies;
import io.hallwatch.queue.domain.queue.WaitEstimate;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.domain.ticket.TicketAction;
import io.hallwatch.queue.domain.ticket.TicketLifecycle;
import io.hallwatch.queue.domain.ticket.TicketNumber;
import io.hallwatch.queue.domain.ticket.TicketStatus;
import io.hallwatch.queue.events.ticket.TicketEvents;
import io.hallwatch.queue.metrics.TicketMetrics;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.service.day.DayService;
import io.hallwatch.queue.domain.forecast.BreachAdvice;
import io.hallwatch.queue.service.forecast.BreachAdvisor;
import io.hallwatch.queue.service.forecast.WaitForecasts;
import io.hallwatch.queue.store.ticket.TicketSequence;
import io.hallwatch.queue.store.ticket.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything that changes a ticket but the call (that is {@code service.queue.QueueService}). Each
 * change and its event commit together (outbox, {@link TicketEvents}); the lifecycle rules live in
 * {@link TicketLifecycle}, the estimate in {@link WaitForecasts}.
 */
@ApplicationScoped
public class TicketService {

    private final CatalogueService catalogue;
    private final TicketSequence sequence;
    private final WaitForecasts forecasts;
    private final BreachAdvisor advisor;
    private final TicketEvents events;
    private final Clock clock;
    private final QueueConfig config;
    private final TicketMetrics metrics;
    private final TicketStore tickets;
    private final CallPolicies policies;
    private final DayService days;
    private final CheckInCodeChooser checkInCodes;

    TicketService(CatalogueService catalogue, TicketSequence sequence, WaitForecasts forecasts, BreachAdvisor advisor,
                  TicketEvents events, Clock clock, QueueConfig config, TicketMetrics metrics, TicketStore tickets,
                  CallPolicies policies, DayService days, CheckInCodeChooser checkInCodes) {
        this.catalogue = catalogue;
        this.sequence = sequence;
        this.forecasts = forecasts;
        this.advisor = advisor;
        this.events = events;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
        this.tickets = tickets;
        // The wait limit as the call order (and so the position in the estimate) sees it: from QueueConfig.
        this.policies = policies;
        this.days = days;
        this.checkInCodes = checkInCodes;
    }

    /** A ticket issued now, or the one an earlier request with the same idempotency key issued. */
    public record Issued(TicketStanding ticket, boolean created) {
    }

    @Transactional
    public Issued issue(String branchId, String businessType, CustomerTier tier, String customerRef, String idempotencyKey) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        Optional<Issued> replay = replay(branchId, idempotencyKey, businessType, tier, customerRef, "ticket request");
        if (replay.isPresent()) {
            return replay.get();
        }
        BusinessTypeSetup type = catalogue.offeredBusinessType(branch, businessType);
        Instant now = clock.instant();
        // The day the ticket belongs to: an extension past midnight keeps the evening's day (and its numbers).
        LocalDate day = days.openDayFor(branch, now);
        Ticket t = newTicket(branch, type, tier, customerRef, day, now);
        t.status = TicketStatus.WAITING;
        t.idempotencyKey = idempotencyKey;
        // Estimated before the row exists, with the new ticket added to the queue it joins, so the
        // row is inserted once, complete: no second write.
        Foretold foretold = foretell(t, branch, now);
        tickets.insert(t);
        events.issued(t);
        metrics.issued(t.branchId, t.businessType);
        return new Issued(new TicketStanding(t, foretold.estimate(), foretold.advice()), true);
    }

    /**
     * A remote ticket (mini-program, online hall): numbered now in its type's sequence, REMOTE (not in the queue) until
     * the customer checks in at the kiosk by {@code hallwatch.queue.remote.window} from now, with its number or the
     * six-digit check-in code it answers. Its estimate is the wait were it checked in now. The hall must be open (409
     * branch-closed); the type offered (422). An Idempotency-Key makes a retry answer the same ticket.
     */
    @Transactional
    public Issued takeRemote(String branchId, String businessType, CustomerTier tier, String customerRef, String idempotencyKey) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        String key = idempotencyKey == null ? null : "remote|" + idempotencyKey;
        Optional<Issued> replay = replay(branchId, key, businessType, tier, customerRef, "remote ticket");
        if (replay.isPresent()) {
            return replay.get();
        }
        BusinessTypeSetup type = catalogue.offeredBusinessType(branch, businessType);
        Instant now = clock.instant();
        LocalDate day = days.openDayFor(branch, now);
        Ticket t = newTicket(branch, type, tier, customerRef, day, now);
        t.status = TicketStatus.REMOTE;
        t.origin = TicketOrigin.REMOTE;
        t.takenAt = now;
        t.idempotencyKey = key;
        t.checkInBy = now.plus(config.remote().window());
        t.checkInCode = checkInCodes.forRemoteTicket(branch.id());
        foretell(t, branch, now);
        t.breachPredicted = false; // told at the check-in, where it counts
        t.advised = null;
        tickets.insert(t);
        events.remoteTaken(t);
        return new Issued(new TicketStanding(t, null), true);
    }

    /**
     * The customer of a remote ticket checks in at the kiosk with its number or check-in code: the ticket joins the
     * queue now (its wait clock and its place start here), estimated afresh. A code whose ticket was checked in within
     * the window answers that ticket again (a kiosk retrying); an unknown one is 404 check-in-code-unknown, one past
     * its window 409 remote-ticket-expired, outside opening hours 409 branch-closed.
     */
    @Transactional
    public Issued checkInRemote(String branchId, String codeOrNumber) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        Instant now = clock.instant();
        Optional<Ticket> remote = tickets.lockRemote(branch.id(), codeOrNumber);
        if (remote.isEmpty()) {
            Ticket earlier = tickets.checkedInRemote(branch.id(), codeOrNumber, now.minus(config.remote().window()))
                    .orElseThrow(() -> ProblemException.notFound("check-in-code-unknown",
                            "No remote ticket waits for a check-in under " + codeOrNumber + " at " + branch.name()));
            return new Issued(standing(earlier), false);
        }
        Ticket t = remote.get();
        days.openDayFor(branch, now);
        t.checkIn(now);
        Foretold foretold = foretell(t, branch, now);
        tickets.update(t);
        events.issued(t);
        metrics.issued(t.branchId, t.businessType);
        return new Issued(new TicketStanding(t, foretold.estimate(), foretold.advice()), true);
    }

    /**
     * The ticket an appointment checked in at {@code now} gets, in the caller's transaction: on time ({@code onTime}),
     * called ahead of walk-up tickets of its type from the slot's start and waiting from the later of the slot's start
     * and now; late, an ordinary ticket from now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issueForAppointment(BranchSetup branch, Appointment appointment, boolean onTime, Instant now) {
        BusinessTypeSetup type = catalogue.offeredBusinessType(branch, appointment.businessType);
        LocalDate day = days.openDayFor(branch, now);
        Ticket t = newTicket(branch, type, CustomerTier.NORMAL, appointment.customerRef, day, now);
        t.status = TicketStatus.WAITING;
        t.origin = onTime ? TicketOrigin.APPOINTMENT : TicketOrigin.LATE_APPOINTMENT;
        t.appointmentId = appointment.id;
        t.checkInCode = appointment.checkInCode;
        t.checkedInAt = now;
        if (onTime) {
            t.priorityFrom = appointment.slotStart;
            if (appointment.slotStart.isAfter(now)) {
                t.waitClockFrom = appointment.slotStart; // early: the wait the hall promised starts with the slot
            }
        }
        Foretold foretold = foretell(t, branch, now);
        tickets.insert(t);
        events.issued(t);
        metrics.issued(t.branchId, t.businessType);
        return new Issued(new TicketStanding(t, foretold.estimate(), foretold.advice()), true);
    }

    /**
     * The ticket an earlier request with this idempotency key made, if any (the key locked until commit); 422
     * idempotency-key-reused where that request asked for another type (before a transfer), tier or customer.
     */
    private Optional<Issued> replay(String branchId, String key, String businessType, CustomerTier tier, String customerRef,
                                    String what) {
        if (key == null) {
            return Optional.empty();
        }
        return tickets.findByIdempotencyKey(branchId, key).map(t -> {
            if (!t.businessType.equals(businessType) && !businessType.equals(t.previousBusinessType) || t.tier != tier
                    || !Objects.equals(t.customerRef, customerRef)) {
                throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was used for a different " + what);
            }
            return new Issued(standing(t), false);
        });
    }

    private Ticket newTicket(BranchSetup branch, BusinessTypeSetup type, CustomerTier tier, String customerRef, LocalDate day,
                             Instant now) {
        Ticket t = new Ticket();
        t.id = TimeOrderedIds.next(); // a key every service indexes: appended, not scattered
        t.branchId = branch.id();
        t.businessType = type.code();
        t.tier = tier;
        t.number = nextNumber(branch.id(), day, type);
        t.serviceDay = day;
        t.issuedAt = now;
        t.customerRef = customerRef;
        return t;
    }

    private record Foretold(WaitEstimate estimate, BreachAdvice advice) {
    }

    /** The wait foretold for {@code t} joining its queue now, and the advice where it already exceeds the limit; kept on it. */
    private Foretold foretell(Ticket t, BranchSetup branch, Instant now) {
        WaitForecasts.WaitForecast forecast = forecasts.of(t, branch.businessTypes(), now);
        WaitEstimate estimate = forecast.estimate();
        t.estimatedWaitMinutes = estimate.minutes();
        t.estimatedWaitSeconds = (int) forecast.seconds();
        t.basicWaitSeconds = (int) forecast.basicSeconds();
        t.peopleAheadAtIssue = estimate.peopleAhead();
        Optional<BreachAdvice> advice = advisor.adviceFor(t, forecast.seconds(), now);
        t.breachPredicted = advice.isPresent();
        t.advised = advice.map(BreachAdvice::codes).orElse(null);
        return new Foretold(estimate, advice.orElse(null));
    }

    /**
     * A walk-in: a customer a clerk serves without a kiosk ticket gets a ticket of {@code businessType} created CALLED at
     * {@code counterId} (numbered in its type's sequence, flagged {@code walkIn}), its issue and call in one instant, so
     * it never waits; service starts and finishes as usual. The type must be one the branch offers (422
     * business-type-not-offered) and the counter serves (422 business-type-not-served); the hall must be open (409
     * branch-closed). With an idempotency key, a repeat from the same counter answers the ticket made the first time.
     */
    @Transactional
    public Issued walkIn(String branchId, String counterId, String clerkId, Set<String> counterTypes, String businessType,
                         CustomerTier tier, String idempotencyKey) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        String key = idempotencyKey == null ? null : "walk-in|" + counterId + "|" + idempotencyKey;
        if (key != null) {
            Optional<Ticket> earlier = tickets.findByIdempotencyKey(branchId, key);
            if (earlier.isPresent()) {
                Ticket t = earlier.get();
                if (!t.walkIn || !t.businessType.equals(businessType) && !businessType.equals(t.previousBusinessType)
                        || t.tier != tier) {
                    throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was used for a different walk-in at this counter");
                }
                return new Issued(standing(t), false);
            }
        }
        BusinessTypeSetup type = catalogue.offeredBusinessType(branch, businessType);
        if (!counterTypes.contains(type.code())) {
            throw new ProblemException(422, "business-type-not-served", "Business type not served",
                    "Counter " + counterId + " does not serve " + type.code());
        }
        Instant now = clock.instant();
        LocalDate day = days.openDayFor(branch, now);
        Ticket t = newTicket(branch, type, tier, null, day, now);
        t.walkInAt(counterId, clerkId, now);
        t.idempotencyKey = key;
        t.estimatedWaitMinutes = 0;
        t.estimatedWaitSeconds = 0;
        t.peopleAheadAtIssue = 0;
        tickets.insert(t);
        events.issued(t);
        events.called(t, java.time.Duration.ZERO);
        metrics.issued(t.branchId, t.businessType);
        return new Issued(standing(t), true);
    }

    /**
     * Park and return: the called or serving visit goes back to its queue, placed by {@code position}, and waits again;
     * its wait clock resumes with the wait kept from before (the time called or at the counter is not waiting). A
     * service under way stops there (its handling ends at the park). Any other status is 409 invalid-transition.
     */
    @Transactional
    public TicketStanding park(UUID ticketId, ParkPosition position) {
        Ticket t = ticket(ticketId, true);
        String statusAtPark = t.status.name();
        String counterId = t.counterId;
        String clerkId = t.clerkId;
        Instant now = clock.instant();
        var kept = t.park(position, now);
        tickets.update(t);
        events.parked(t, now, position, statusAtPark, counterId, clerkId, kept);
        return standing(t);
    }

    /** The branch a ticket belongs to, for the caller's scope check before anything else happens. */
    public String branchOf(UUID ticketId) {
        return ticket(ticketId, false).branchId;
    }

    public TicketStanding find(UUID ticketId) {
        return standing(ticket(ticketId, false));
    }

    @Transactional
    public TicketStanding recall(UUID ticketId) {
        Ticket t = ticket(ticketId, true);
        t.apply(TicketAction.RECALL);
        t.recallCount++;
        tickets.update(t);
        events.recalled(t, clock.instant());
        return standing(t);
    }

    @Transactional
    public TicketStanding noShow(UUID ticketId) {
        Ticket t = ticket(ticketId, true);
        if (t.status == TicketStatus.CLOSED && t.calledAt != null) {
            // The day closed while the customer was called: the ticket has ended already; the counter may clear
            // its screen. Nothing changes, nothing is published.
            return standing(t);
        }
        t.apply(TicketAction.NO_SHOW);
        t.endedAt = clock.instant();
        tickets.update(t);
        events.noShow(t);
        return standing(t);
    }

    @Transactional
    public TicketStanding cancel(UUID ticketId, String reason) {
        Ticket t = ticket(ticketId, true);
        t.apply(TicketAction.CANCEL);
        t.endedAt = clock.instant();
        tickets.update(t);
        events.cancelled(t, reason == null || reason.isBlank() ? null : reason);
        return standing(t);
    }

    /** Moves the ticket to another type's queue with a new number, keeping its original issue time. */
    @Transactional
    public TicketStanding transfer(UUID ticketId, String businessType) {
        Ticket t = ticket(ticketId, true);
        BranchSetup branch = catalogue.branchSetup(t.branchId);
        BusinessTypeSetup type = catalogue.offeredBusinessType(branch, businessType);
        if (type.code().equals(t.businessType)) {
            throw ProblemException.conflict("same-business-type", "The ticket is already for " + type.code());
        }
        t.apply(TicketAction.TRANSFER);
        Instant now = clock.instant();
        t.previousBusinessType = t.businessType;
        t.businessType = type.code();
        // A transfer is the same visit: the ticket stays in its service day (and is closed with it).
        t.number = nextNumber(branch.id(), t.serviceDay, type);
        t.calledAt = null;
        t.counterId = null;
        t.clerkId = null;
        t.recallCount = 0;
        t.startedAt = null;
        tickets.update(t);
        events.transferred(t, now);
        return standing(t);
    }

    /** The ticket with its live estimate where it still waits. */
    public TicketStanding standing(Ticket t) {
        return new TicketStanding(t, t.status == TicketStatus.WAITING ? estimate(t, clock.instant()) : null);
    }

    String nextNumber(String branchId, LocalDate day, BusinessTypeSetup type) {
        long next = sequence.next(branchId, day, type.prefix());
        if (next > TicketNumber.MAX_PER_DAY) {
            throw ProblemException.conflict("numbers-exhausted", "No " + type.code() + " numbers left today");
        }
        return TicketNumber.format(type.prefix(), next);
    }

    private Ticket ticket(UUID id, boolean forUpdate) {
        return (forUpdate ? tickets.findForUpdate(id) : tickets.find(id))
                .orElseThrow(() -> ProblemException.notFound("ticket-not-found", "No ticket " + id));
    }

    /** Where a waiting ticket stands among those of its type, and how long it should still wait. */
    private WaitEstimate estimate(Ticket t, Instant now) {
        return forecasts.of(t, catalogue.branchSetup(t.branchId).businessTypes(), now).estimate();
    }
}
