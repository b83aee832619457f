package io.hallwatch.counter.service.counter;

import io.hallwatch.counter.api.counter.CounterRequests;
import io.hallwatch.counter.api.counter.CounterView;
import io.hallwatch.counter.client.QueueGateway;
import io.hallwatch.counter.client.QueueTicket;
import io.hallwatch.counter.domain.counter.CounterAction;
import io.hallwatch.counter.domain.counter.CounterConflictException;
import io.hallwatch.counter.metrics.CounterMetrics;
import io.hallwatch.counter.store.counter.Counter;
import io.hallwatch.counter.store.counter.HandlingLimits;

import io.hallwatch.common.SqlTimes;
import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.counter.config.CounterConfig;
import io.hallwatch.events.CounterPaused;
import io.hallwatch.events.CounterResumed;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A clerk's shift at a counter: sign-in, pauses, calling, serving, sign-out. Calls to the
 * queue-service happen outside any database transaction (no lock is held while the network is
 * slow); the counter's state is then changed and its events written in one transaction.
 */
@ApplicationScoped
public class CounterService {
    private static final String OVER_LIMIT_PROMPT = "已超过办理时限：请向客户说明原因、征得同意并致歉。";

    private final QueueGateway queue;
    private final HandlingLimits limits;
    private final Outbox outbox;
    private final Clock clock;
    private final CounterConfig config;
    private final CounterMetrics metrics;
    private final EntityManager em;

    CounterService(QueueGateway queue, HandlingLimits limits, Outbox outbox, Clock clock, CounterConfig config,
                   CounterMetrics metrics, EntityManager em) {
        this.queue = queue;
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
        this.em = em;
    }

    public List<CounterView> list(String branchId) {
        return Counter.<Counter>list("branchId", Sort.by("counterId"), branchId).stream().map(this::view).toList();
    }

    public CounterView find(String branchId, String counterId) {
        return view(counter(branchId, counterId, false));
    }

    /** Creates or changes a counter's label, VIP flag and skills (admin); true where created. */
    @Transactional
    public boolean define(String branchId, String counterId, CounterRequests.Define request) {
        if (!branchId.matches("[A-Z0-9][A-Z0-9-]{1,31}") || !counterId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ProblemException.badRequest("invalid-counter-id", "Branch and counter ids are short codes like GZ-TH-001 and C03");
        }
        Counter c = Counter.findById(new Counter.Key(branchId, counterId), LockModeType.PESSIMISTIC_WRITE);
        boolean created = c == null;
        if (created) {
            c = new Counter();
            c.branchId = branchId;
            c.counterId = counterId;
        }
        c.label = request.label();
        c.vip = request.vip();
        c.skills = request.skills().stream().sorted().toArray(String[]::new);
        if (created) {
            c.persist();
        }
        return created;
    }

    @Transactional
    public CounterView signIn(String branchId, String counterId, String clerkId) {
        Counter c = counter(branchId, counterId, true);
        Optional<Counter> elsewhere = Counter.<Counter>find("clerkId", clerkId).firstResultOptional();
        if (elsewhere.isPresent()) {
            Counter other = elsewhere.get();
            throw new CounterConflictException("Clerk " + clerkId + " is signed in at " + other.branchId + "/" + other.counterId);
        }
        c.apply(CounterAction.SIGN_IN);
        Instant now = clock.instant();
        c.clerkId = clerkId;
        c.signedInAt = now;
        em.createNativeQuery("""
                        INSERT INTO clerk_session (id, branch_id, counter_id, clerk_id, signed_in_at) VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, branchId).setParameter(3, counterId)
                .setParameter(4, clerkId).setParameter(5, Timestamp.from(now)).executeUpdate();
        return view(c);
    }

    @Transactional
    public CounterView signOut(String branchId, String counterId) {
        Counter c = counter(branchId, counterId, true);
        c.apply(CounterAction.SIGN_OUT);
        em.createNativeQuery("""
                        UPDATE clerk_session SET signed_out_at = ?1
                        WHERE branch_id = ?2 AND counter_id = ?3 AND clerk_id = ?4 AND signed_out_at IS NULL""")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, branchId).setParameter(3, counterId)
                .setParameter(4, c.clerkId).executeUpdate();
        c.clerkId = null;
        c.signedInAt = null;
        return view(c);
    }

    @Transactional
    public CounterView pause(String branchId, String counterId, String reason) {
        Counter c = counter(branchId, counterId, true);
        c.apply(CounterAction.PAUSE);
        Instant now = clock.instant();
        c.pauseId = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO counter_pause (id, branch_id, counter_id, clerk_id, reason, service_day, started_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, c.pauseId).setParameter(2, branchId).setParameter(3, counterId).setParameter(4, c.clerkId)
                .setParameter(5, reason).setParameter(6, day(now)).setParameter(7, Timestamp.from(now)).executeUpdate();
        outbox.publish(now, new CounterPaused(branchId, counterId, c.clerkId, reason, now, config.pauseLimit().toSeconds()));
        return view(c);
    }

    @Transactional
    public CounterView resume(String branchId, String counterId) {
        Counter c = counter(branchId, counterId, true);
        c.apply(CounterAction.RESUME);
        Instant now = clock.instant();
        Object[] pause = (Object[]) em.createNativeQuery("SELECT reason, started_at FROM counter_pause WHERE id = ?1")
                .setParameter(1, c.pauseId).getSingleResult();
        Instant since = SqlTimes.toInstant(pause[1]);
        long seconds = Duration.between(since, now).toSeconds();
        em.createNativeQuery("UPDATE counter_pause SET ended_at = ?1, duration_seconds = ?2 WHERE id = ?3")
                .setParameter(1, Timestamp.from(now)).setParameter(2, seconds).setParameter(3, c.pauseId).executeUpdate();
        long limit = config.pauseLimit().toSeconds();
        outbox.publish(now, new CounterResumed(branchId, counterId, c.clerkId, (String) pause[0], since, now, seconds, limit,
                seconds > limit));
        metrics.paused(branchId, (String) pause[0], seconds > limit, Duration.ofSeconds(seconds));
        c.pauseId = null;
        return view(c);
    }

    /**
     * Asks the queue for the next customer; empty when nobody this counter serves waits. The
     * click's {@code idempotencyKey} goes to the queue, so a retry of this click calls nobody else.
     */
    public Optional<CounterView> callNext(String branchId, String counterId, String idempotencyKey) {
        Counter before = QuarkusTransaction.requiringNew().call(() -> {
            Counter c = counter(branchId, counterId, false);
            c.state().apply(CounterAction.CALL);
            return c;
        });
        Optional<QueueTicket> called = queue.callNext(branchId, counterId, before.clerkId, Set.of(before.skills), before.vip,
                idempotencyKey);
        if (called.isEmpty()) {
            return Optional.empty();
        }
        QueueTicket t = called.get();
        return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
            Counter c = counter(branchId, counterId, true);
            c.apply(CounterAction.CALL);
            c.ticketId = t.ticketId();
            c.ticketNumber = t.number();
            c.ticketBusinessType = t.businessType();
            c.ticketTier = t.tier();
            c.ticketIssuedAt = t.issuedAt();
            c.calledAt = t.calledAt() != null ? t.calledAt() : clock.instant();
            return view(c);
        }));
    }

    public CounterView recall(String branchId, String counterId) {
        UUID ticket = calledTicket(branchId, counterId, CounterAction.RECALL);
        queue.recall(ticket);
        return QuarkusTransaction.requiringNew().call(() -> view(counter(branchId, counterId, false)));
    }

    public CounterView noShow(String branchId, String counterId) {
        UUID ticket = calledTicket(branchId, counterId, CounterAction.NO_SHOW);
        queue.noShow(ticket);
        return QuarkusTransaction.requiringNew().call(() -> {
            Counter c = counter(branchId, counterId, true);
            if (!ticket.equals(c.ticketId)) {
                throw new CounterConflictException("The counter's called customer changed meanwhile");
            }
            c.apply(CounterAction.NO_SHOW);
            Instant now = clock.instant();
            em.createNativeQuery("""
                            INSERT INTO no_show_record (ticket_id, branch_id, counter_id, clerk_id, service_day, at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                    .setParameter(1, ticket).setParameter(2, branchId).setParameter(3, counterId).setParameter(4, c.clerkId)
                    .setParameter(5, day(now)).setParameter(6, Timestamp.from(now)).executeUpdate();
            c.clearTicket();
            return view(c);
        });
    }

    /** The called customer arrived: the service starts, and its handling time with it. */
    @Transactional
    public CounterView startService(String branchId, String counterId) {
        Counter c = counter(branchId, counterId, true);
        c.apply(CounterAction.START_SERVICE);
        Instant now = clock.instant();
        c.startedAt = now;
        em.createNativeQuery("""
                        INSERT INTO service_record (ticket_id, branch_id, counter_id, clerk_id, ticket_number, business_type,
                                                    tier, service_day, called_at, started_at, limit_seconds)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, c.ticketId).setParameter(2, branchId).setParameter(3, counterId).setParameter(4, c.clerkId)
                .setParameter(5, c.ticketNumber).setParameter(6, c.ticketBusinessType).setParameter(7, c.ticketTier)
                .setParameter(8, day(now)).setParameter(9, Timestamp.from(c.calledAt)).setParameter(10, Timestamp.from(now))
                .setParameter(11, limits.secondsFor(c.ticketBusinessType)).executeUpdate();
        outbox.publish(now, new ServiceStarted(c.ticketId.toString(), branchId, c.ticketNumber, c.ticketBusinessType,
                CustomerTier.valueOf(c.ticketTier), counterId, c.clerkId, now));
        return view(c);
    }

    @Transactional
    public CounterView finishService(String branchId, String counterId, CounterRequests.Finish request) {
        Counter c = counter(branchId, counterId, true);
        c.apply(CounterAction.FINISH_SERVICE);
        Instant now = clock.instant();
        long seconds = Duration.between(c.startedAt, now).toSeconds();
        List<String> handled = request.businessTypesHandled() == null || request.businessTypesHandled().isEmpty()
                ? List.of(c.ticketBusinessType) : List.copyOf(request.businessTypesHandled());
        em.createNativeQuery("""
                        UPDATE service_record SET finished_at = ?1, handling_seconds = ?2, outcome = ?3,
                               business_types_handled = CAST(?4 AS text[]), note = ?5
                        WHERE ticket_id = ?6""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, seconds).setParameter(3, request.outcome().name())
                .setParameter(4, "{" + String.join(",", handled) + "}").setParameter(5, request.note())
                .setParameter(6, c.ticketId).executeUpdate();
        outbox.publish(now, new ServiceFinished(c.ticketId.toString(), branchId, c.ticketNumber, c.ticketBusinessType,
                CustomerTier.valueOf(c.ticketTier), counterId, c.clerkId, c.startedAt, now, seconds, request.outcome(), handled));
        metrics.finished(branchId, c.ticketBusinessType, request.outcome(), Duration.ofSeconds(seconds));
        c.clearTicket();
        return view(c);
    }

    private UUID calledTicket(String branchId, String counterId, CounterAction action) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Counter c = counter(branchId, counterId, false);
            c.state().apply(action);
            return c.ticketId;
        });
    }

    private Counter counter(String branchId, String counterId, boolean forUpdate) {
        Counter.Key key = new Counter.Key(branchId, counterId);
        Counter c = forUpdate ? Counter.findById(key, LockModeType.PESSIMISTIC_WRITE) : Counter.findById(key);
        if (c == null) {
            throw ProblemException.notFound("counter-not-found", "No counter " + counterId + " at branch " + branchId);
        }
        return c;
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneId.of(config.timeZone()));
    }

    CounterView view(Counter c) {
        Instant now = clock.instant();
        CounterView.Customer customer = null;
        if (c.ticketId != null) {
            Long handling = c.startedAt == null ? null : Duration.between(c.startedAt, now).toSeconds();
            Integer limit = c.startedAt == null ? null : limits.secondsFor(c.ticketBusinessType);
            boolean over = handling != null && handling > limit;
            customer = new CounterView.Customer(c.ticketId, c.ticketNumber, c.ticketBusinessType, c.ticketTier, c.calledAt,
                    c.startedAt, handling, limit, over, over ? OVER_LIMIT_PROMPT : null);
        }
        CounterView.Pause pause = null;
        if (c.pauseId != null) {
            Object[] p = (Object[]) em.createNativeQuery("SELECT reason, started_at FROM counter_pause WHERE id = ?1")
                    .setParameter(1, c.pauseId).getSingleResult();
            Instant since = SqlTimes.toInstant(p[1]);
            long seconds = Duration.between(since, now).toSeconds();
            long limit = config.pauseLimit().toSeconds();
            pause = new CounterView.Pause((String) p[0], since, seconds, limit, seconds > limit);
        }
        return new CounterView(c.branchId, c.counterId, c.label, c.vip, Arrays.asList(c.skills), c.status, c.clerkId,
                c.signedInAt, customer, pause);
    }
}
