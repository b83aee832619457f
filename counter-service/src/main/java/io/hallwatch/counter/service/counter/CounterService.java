package io.hallwatch.counter.service.counter;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.counter.client.QueueGateway;
import io.hallwatch.counter.client.QueueTicket;
import io.hallwatch.counter.config.CounterConfig;
import io.hallwatch.counter.domain.counter.CalledCustomer;
import io.hallwatch.counter.domain.counter.Counter;
import io.hallwatch.counter.domain.counter.CounterAction;
import io.hallwatch.counter.domain.counter.CounterConflictException;
import io.hallwatch.counter.domain.counter.CounterScreen;
import io.hallwatch.counter.domain.counter.Handling;
import io.hallwatch.counter.domain.counter.Pause;
import io.hallwatch.counter.domain.counter.VisitNote;
import io.hallwatch.counter.events.counter.CounterEvents;
import io.hallwatch.counter.metrics.CounterMetrics;
import io.hallwatch.counter.store.counter.BranchSettingStore;
import io.hallwatch.counter.store.counter.CounterStore;
import io.hallwatch.counter.store.counter.ShiftRecordStore;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.TimeOrderedIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A clerk's shift at a counter: sign-in, pauses, calling, serving, sign-out. Calls to the
 * queue-service happen outside any database transaction (no lock is held while the network is
 * slow); the counter's state is then changed, its records and its events written, in one
 * transaction that holds the counter's row.
 */
@ApplicationScoped
public class CounterService {

    private final QueueGateway queue;
    private final CounterStore counters;
    private final ShiftRecordStore records;
    private final HandlingLimits limits;
    private final CounterEvents events;
    private final CounterMetrics metrics;
    private final Clock clock;
    private final CounterConfig config;
    private final BranchSettingStore settings;

    CounterService(QueueGateway queue, CounterStore counters, ShiftRecordStore records, HandlingLimits limits,
                   CounterEvents events, CounterMetrics metrics, Clock clock, CounterConfig config, BranchSettingStore settings) {
        this.settings = settings;
        this.queue = queue;
        this.counters = counters;
        this.records = records;
        this.limits = limits;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
    }

    public List<CounterScreen> list(String branchId) {
        return counters.atBranch(branchId).stream().map(this::screen).toList();
    }

    public CounterScreen find(String branchId, String counterId) {
        return screen(counter(branchId, counterId));
    }

    /** Creates or changes a counter's label, VIP flag and skills (admin); true where created. */
    @Transactional
    public boolean define(String branchId, String counterId, String label, boolean vip, Set<String> skills) {
        if (!branchId.matches("[A-Z0-9][A-Z0-9-]{1,31}") || !counterId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ProblemException.badRequest("invalid-counter-id", "Branch and counter ids are short codes like GZ-TH-001 and C03");
        }
        return counters.define(branchId, counterId, label, vip, skills.stream().sorted().toList());
    }

    @Transactional
    public CounterScreen signIn(String branchId, String counterId, String clerkId) {
        Counter c = locked(branchId, counterId);
        counters.signedInBy(clerkId).ifPresent(other -> {
            throw new CounterConflictException("Clerk " + clerkId + " is signed in at " + other.branchId() + "/" + other.counterId());
        });
        Instant now = clock.instant();
        Counter open = counters.update(c.signIn(clerkId, now));
        records.signedIn(branchId, counterId, clerkId, now);
        return screen(open);
    }

    @Transactional
    public CounterScreen signOut(String branchId, String counterId) {
        Counter c = locked(branchId, counterId);
        Counter closed = counters.update(c.signOut());
        records.signedOut(branchId, counterId, c.clerkId(), clock.instant());
        return screen(closed);
    }

    @Transactional
    public CounterScreen pause(String branchId, String counterId, String reason) {
        Counter c = locked(branchId, counterId);
        // Time-ordered: the pause's id names its day partition (V6), where resume finds it.
        UUID pauseId = TimeOrderedIds.next();
        Counter paused = counters.update(c.pause(pauseId));
        Instant now = clock.instant();
        records.pauseStarted(pauseId, branchId, counterId, c.clerkId(), reason, day(now), now);
        events.paused(paused, reason, now, config.pauseLimit());
        return screen(paused);
    }

    @Transactional
    public CounterScreen resume(String branchId, String counterId) {
        Counter c = locked(branchId, counterId);
        Counter open = counters.update(c.resume());
        Instant now = clock.instant();
        Pause pause = Pause.at(records.pause(c.pauseId()), now, config.pauseLimit());
        records.pauseEnded(c.pauseId(), now, pause.seconds());
        events.resumed(open, pause, now);
        metrics.paused(branchId, pause.reason(), pause.overLimit(), Duration.ofSeconds(pause.seconds()));
        return screen(open);
    }

    /**
     * Asks the queue for the next customer; empty when nobody this counter serves waits. The
     * click's {@code idempotencyKey} goes to the queue, so a retry of this click calls nobody else;
     * without one from the screen, this request's own key still makes the client's retries safe.
     */
    public Optional<CounterScreen> callNext(String branchId, String counterId, String idempotencyKey) {
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        Counter before = counter(branchId, counterId);
        before.check(CounterAction.CALL);
        Optional<QueueTicket> called = queue.callNext(branchId, counterId, before.clerkId(), Set.copyOf(before.skills()),
                before.vip(), key);
        if (called.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(takeCalled(branchId, counterId, called.get()));
    }

    /** The ticket the queue called for this counter becomes the counter's called customer. */
    private CounterScreen takeCalled(String branchId, String counterId, QueueTicket t) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Counter c = locked(branchId, counterId);
            CalledCustomer customer = new CalledCustomer(t.ticketId(), t.number(), t.businessType(), t.tier(), t.issuedAt(),
                    t.calledAt() != null ? t.calledAt() : clock.instant(), null);
            return screen(counters.update(c.call(customer)));
        });
    }

    /**
     * A walk-in (issue 25): a customer served without a kiosk ticket. The queue creates a ticket of {@code businessType}
     * already called at this counter; service then starts and finishes as usual (and counts in the clerk's report and
     * the handling standard, never the wait standard). A type this counter does not serve is 422
     * business-type-not-served. The click's key goes to the queue, so a retried click makes one walk-in.
     */
    public CounterScreen walkIn(String branchId, String counterId, String businessType, String idempotencyKey) {
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        Counter before = counter(branchId, counterId);
        before.check(CounterAction.CALL);
        if (!before.skills().contains(businessType)) {
            throw new ProblemException(422, "business-type-not-served", "Business type not served",
                    "Counter " + counterId + " does not serve " + businessType);
        }
        QueueTicket t = queue.walkIn(branchId, counterId, before.clerkId(), Set.copyOf(before.skills()), businessType, key);
        return takeCalled(branchId, counterId, t);
    }

    /**
     * Calls a chosen waiting ticket (issue 25), whatever the call order says, for {@code reason}; the queue marks the call
     * out of order where it jumped someone, and counts it for the clerk.
     */
    public CounterScreen callTicket(String branchId, String counterId, UUID ticketId, String reason, String idempotencyKey) {
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        Counter before = counter(branchId, counterId);
        before.check(CounterAction.CALL);
        QueueTicket t = queue.callTicket(branchId, counterId, before.clerkId(), Set.copyOf(before.skills()), before.vip(),
                ticketId, reason, key);
        return takeCalled(branchId, counterId, t);
    }

    /**
     * Park and return (issue 25): the called or serving visit goes back to the queue at {@code position}; the counter is
     * free to call the next. A service under way ends here, unfinished (kept with its handling time and the clerk's
     * {@code note}, which the next clerk reads); the queue's parked event stops the monitor's handling timer.
     */
    public CounterScreen park(String branchId, String counterId, String position, String note) {
        checkNote(note);
        UUID ticket = calledOrServedTicket(branchId, counterId);
        queue.park(ticket, position);
        return QuarkusTransaction.requiringNew().call(() -> {
            Counter c = locked(branchId, counterId);
            CalledCustomer customer = c.customer();
            Counter open = counters.update(c.park(ticket));
            if (customer.startedAt() != null) {
                Instant now = clock.instant();
                records.serviceParked(ticket, now, customer.handlingSecondsAt(now), blankToNull(note));
            }
            return screen(open);
        });
    }

    public CounterScreen recall(String branchId, String counterId) {
        UUID ticket = calledTicket(branchId, counterId, CounterAction.RECALL);
        queue.recall(ticket);
        return find(branchId, counterId);
    }

    public CounterScreen noShow(String branchId, String counterId) {
        UUID ticket = calledTicket(branchId, counterId, CounterAction.NO_SHOW);
        queue.noShow(ticket);
        return QuarkusTransaction.requiringNew().call(() -> {
            Counter c = locked(branchId, counterId);
            Counter open = counters.update(c.noShow(ticket));
            Instant now = clock.instant();
            records.noShow(ticket, branchId, counterId, c.clerkId(), day(now), now);
            return screen(open);
        });
    }

    /** The called customer arrived: the service starts, and its handling time with it. */
    @Transactional
    public CounterScreen startService(String branchId, String counterId) {
        Counter c = locked(branchId, counterId);
        Instant now = clock.instant();
        Counter serving = counters.update(c.startService(now));
        CalledCustomer served = serving.customer();
        records.serviceStarted(branchId, counterId, c.clerkId(), served, day(now),
                limits.secondsFor(branchId, served.businessType(), served.tier()));
        events.serviceStarted(serving, now);
        return screen(serving);
    }

    /**
     * Ends the service with its outcome, the clerk's note and the business types actually handled. A note that looks
     * like a phone number is 422 note-contains-phone-number; where the branch requires the types handled, none is 422
     * business-types-handled-required. Nothing changes on a refusal.
     */
    @Transactional
    public CounterScreen finishService(String branchId, String counterId, ServiceOutcome outcome, String note,
                                      List<String> businessTypesHandled) {
        checkNote(note);
        if ((businessTypesHandled == null || businessTypesHandled.isEmpty()) && settings.businessTypesHandledRequired(branchId)) {
            throw new ProblemException(422, "business-types-handled-required", "Business types handled required",
                    "This branch asks for the business types actually handled at every finish");
        }
        note = blankToNull(note);
        Counter c = locked(branchId, counterId);
        Counter open = counters.update(c.finishService());
        Instant now = clock.instant();
        CalledCustomer served = c.customer();
        long seconds = served.handlingSecondsAt(now);
        List<String> handled = served.typesHandled(businessTypesHandled);
        records.serviceFinished(served.ticketId(), now, seconds, outcome, handled, note);
        events.serviceFinished(c, now, seconds, outcome, handled);
        metrics.finished(branchId, served.businessType(), outcome, Duration.ofSeconds(seconds),
                Duration.ofSeconds(limits.secondsFor(branchId, served.businessType(), served.tier())));
        return screen(open);
    }

    /** Whether a finished service must name the business types handled at this branch (admin setting). */
    public boolean businessTypesHandledRequired(String branchId) {
        return settings.businessTypesHandledRequired(branchId);
    }

    @Transactional
    public void requireBusinessTypesHandled(String branchId, boolean required) {
        if (!branchId.matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            throw ProblemException.badRequest("invalid-counter-id", "Branch ids are short codes like GZ-TH-001");
        }
        settings.save(branchId, required, clock.instant());
    }

    /** A note never carries a phone number (personal data); the refusal does not echo it. */
    private static void checkNote(String note) {
        if (VisitNote.looksLikePhoneNumber(note)) {
            throw new ProblemException(422, "note-contains-phone-number", "Note contains a phone number",
                    "A visit note must not carry a phone number or other personal data");
        }
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    /** The ticket the counter has called or is serving, once its state allows a park. */
    private UUID calledOrServedTicket(String branchId, String counterId) {
        Counter c = counter(branchId, counterId);
        c.check(CounterAction.PARK);
        return c.customer().ticketId();
    }

    /** The ticket a called-customer action is about, once the counter's state allows the action. */
    private UUID calledTicket(String branchId, String counterId, CounterAction action) {
        Counter c = counter(branchId, counterId);
        c.check(action);
        return c.customer().ticketId();
    }

    private Counter counter(String branchId, String counterId) {
        return counters.find(branchId, counterId).orElseThrow(() -> notFound(branchId, counterId));
    }

    private Counter locked(String branchId, String counterId) {
        return counters.findForUpdate(branchId, counterId).orElseThrow(() -> notFound(branchId, counterId));
    }

    private static ProblemException notFound(String branchId, String counterId) {
        return ProblemException.notFound("counter-not-found", "No counter " + counterId + " at branch " + branchId);
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneId.of(config.timeZone()));
    }

    private CounterScreen screen(Counter c) {
        Instant now = clock.instant();
        CalledCustomer customer = c.customer();
        Handling handling = customer == null || customer.startedAt() == null ? null
                : Handling.of(customer, now, limits.secondsFor(c.branchId(), customer.businessType(), customer.tier()));
        Pause pause = c.pauseId() == null ? null : Pause.at(records.pause(c.pauseId()), now, config.pauseLimit());
        return new CounterScreen(c, handling, pause, customer == null ? List.of() : records.notesFor(customer.ticketId()));
    }
}
