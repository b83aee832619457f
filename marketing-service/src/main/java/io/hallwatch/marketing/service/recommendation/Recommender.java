package io.hallwatch.marketing.service.recommendation;

import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.marketing.config.BranchSettings;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.ContactHistory;
import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.hall.HallLoad;
import io.hallwatch.marketing.domain.recommendation.CounterAdvice;
import io.hallwatch.marketing.domain.recommendation.RecommendationStatus;
import io.hallwatch.marketing.domain.recovery.RecoveryGesture;
import io.hallwatch.marketing.domain.recovery.WaitBreach;
import io.hallwatch.marketing.events.OfferEvents;
import io.hallwatch.marketing.metrics.MarketingMetrics;
import io.hallwatch.marketing.service.catalogue.OfferCatalogue;
import io.hallwatch.marketing.store.customers.CustomerStore;
import io.hallwatch.marketing.store.hall.LiveHall;
import io.hallwatch.marketing.store.recommendation.RecommendationEntity;
import io.hallwatch.marketing.store.recovery.WaitBreaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a service start into what the counter screen shows, and keeps it right: a service's end
 * clears it, and a late fact (the ticket's customer reference, a wait breach reported after the
 * call) replaces it with new advice. Runs inside the consumer's transaction, so the advice, its
 * {@code OfferRecommended} event and the event's dedupe record commit together.
 */
@ApplicationScoped
public class Recommender {
    private static final Logger LOG = Logger.getLogger(Recommender.class);

    private final CustomerStore customers;
    private final OfferCatalogue catalogue;
    private final BranchSettings branches;
    private final MarketingRules rules;
    private final OfferEvents events;
    private final MarketingMetrics metrics;
    private final Clock clock;

    Recommender(CustomerStore customers, OfferCatalogue catalogue, BranchSettings branches, MarketingRules rules,
                OfferEvents events, MarketingMetrics metrics, Clock clock) {
        this.customers = customers;
        this.catalogue = catalogue;
        this.branches = branches;
        this.rules = rules;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The service moment the advice is for. */
    record Moment(String branchId, String counterId, String ticketId, String ticketNumber, String clerkId,
                  String businessType, Instant startedAt) {
    }

    /** A branch's counter, whose screen a service start changes. */
    public record Counter(String branchId, String counterId) {
    }

    /**
     * The advice a poll of events may change, read before its first event: the serving
     * recommendations of {@code tickets} and {@code counters} (locked: the outcome endpoint may be
     * writing the same rows, and neither may lose the other's change), and the profiles and
     * histories of {@code customerRefs}, the customers those tickets may turn out to be. The
     * events then change the advice in memory, each seeing the ones before it, and Hibernate
     * writes it when the poll's transaction flushes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Advising advising(LiveHall hall, WaitBreaches.Known breaches, Set<String> tickets, Set<Counter> counters,
                             Set<String> customerRefs) {
        // The events' counters are picked from the rows in memory (see serviceStarted).
        List<RecommendationEntity> serving = RecommendationEntity.lockServing(tickets,
                counters.stream().map(Counter::branchId).collect(Collectors.toSet()),
                counters.stream().map(Counter::counterId).collect(Collectors.toSet()));
        return new Advising(hall, breaches, customers.of(customerRefs), serving, tickets, counters);
    }

    /** The advice of one poll of events; see {@link #advising}. */
    public final class Advising {
        private final LiveHall hall;
        private final WaitBreaches.Known breaches;
        private final CustomerStore.Known customers;
        /** Loaded SERVING and created since; a row whose status changed stays here, read by status. */
        private final List<RecommendationEntity> advice;
        private final List<RecommendationEntity> created = new ArrayList<>();
        private final Set<String> tickets;
        private final Set<Counter> counters;
        private List<Offer> offers;

        private Advising(LiveHall hall, WaitBreaches.Known breaches, CustomerStore.Known customers,
                         List<RecommendationEntity> serving, Set<String> tickets, Set<Counter> counters) {
            this.hall = hall;
            this.breaches = breaches;
            this.customers = customers;
            this.advice = new ArrayList<>(serving);
            this.tickets = Set.copyOf(tickets);
            this.counters = Set.copyOf(counters);
        }

        public void serviceStarted(ServiceStarted s) {
            // A counter serves one customer at a time: whatever it showed before ended with that service,
            // even where the finish event has not arrived.
            Counter counter = loaded(new Counter(s.branchId(), s.counterId()));
            serving().filter(r -> r.branchId.equals(counter.branchId()) && r.counterId.equals(counter.counterId())
                    && !r.ticketId.equals(s.ticketId())).forEach(r -> r.status = RecommendationStatus.FINISHED);
            servingFor(s.ticketId()).forEach(r -> r.status = RecommendationStatus.SUPERSEDED);
            Moment moment = new Moment(s.branchId(), s.counterId(), s.ticketId(), s.ticketNumber(), s.clerkId(),
                    s.businessType(), s.startedAt());
            advise(moment, hall.load(s.branchId(), s.startedAt()), null);
        }

        public void serviceFinished(ServiceFinished f) {
            servingFor(f.ticketId()).forEach(r -> r.status = RecommendationStatus.FINISHED);
        }

        /** The ticket's customer reference arrived after its service started: advise again, knowing the customer. */
        public void customerKnown(String ticketId) {
            servingFor(ticketId).findFirst().filter(r -> r.customerRef == null && hall.customerRef(ticketId).isPresent())
                    .ifPresent(this::readvise);
        }

        /** The SLA monitor reported the wait breach after the service started: the apology comes first. */
        public void waitBreached(String ticketId) {
            servingFor(ticketId).findFirst().filter(r -> r.recoveryGesture == null).ifPresent(this::readvise);
        }

        private Stream<RecommendationEntity> serving() {
            return advice.stream().filter(r -> r.status == RecommendationStatus.SERVING);
        }

        private Stream<RecommendationEntity> servingFor(String ticketId) {
            if (!tickets.contains(ticketId)) {
                throw new IllegalStateException("The advice for ticket " + ticketId + " was not loaded for this poll");
            }
            return serving().filter(r -> r.ticketId.equals(ticketId));
        }

        private Counter loaded(Counter counter) {
            if (!counters.contains(counter)) {
                throw new IllegalStateException("The advice at counter " + counter + " was not loaded for this poll");
            }
            return counter;
        }

        private void readvise(RecommendationEntity previous) {
            previous.status = RecommendationStatus.SUPERSEDED;
            // The load stays the one at service start: that is the hall the clerk is pitching in.
            advise(new Moment(previous.branchId, previous.counterId, previous.ticketId, previous.ticketNumber,
                            previous.clerkId, previous.businessType, previous.serviceStartedAt),
                    new HallLoad(previous.waiting, previous.busyThreshold), previous);
        }

        private void advise(Moment m, HallLoad load, RecommendationEntity replaced) {
            if (offers == null) {
                offers = catalogue.all(); // once a poll: the catalogue changes rarely, and only through the API
            }
            String customerRef = hall.customerRef(m.ticketId()).orElse(null);
            Optional<WaitBreach> breach = breaches.of(m.ticketId()).map(b -> new WaitBreach(
                    Math.max(b.waitedSeconds(), hall.waitedSeconds(m.ticketId(), m.startedAt()).orElse(0L)), b.limitSeconds()));
            RecommendationEntity r = Recommender.this.advise(m, load, replaced, customerRef,
                    customers.find(customerRef).orElse(null), customers.history(customerRef), breach, offers);
            advice.add(r);
            created.add(r);
        }

        /**
         * Persists the advice the poll's events gave, as the poll left it (advice given and ended
         * in the same poll is inserted FINISHED or SUPERSEDED, with no UPDATE after its INSERT).
         * Called once, after the last event.
         */
        public void persistCreated() {
            RecommendationEntity.persist(created);
            created.clear();
        }
    }

    /** {@code replaced}: the advice this one supersedes for the same customer, or null. Returns the new advice, to persist. */
    private RecommendationEntity advise(Moment m, HallLoad load, RecommendationEntity replaced, String customerRef,
                                        CustomerProfile profile, ContactHistory history, Optional<WaitBreach> breach,
                                        List<Offer> offers) {
        RecoveryGesture gesture = branches.recoveryGesture(m.branchId());
        CounterAdvice advice = rules.advisor().advise(profile, history, m.businessType(), offers, load,
                breach, gesture, m.startedAt());

        Instant now = clock.instant();
        RecommendationEntity r = new RecommendationEntity();
        // Time-ordered: the id names the advice's day partition (V6), and the live queries bound it.
        r.id = TimeOrderedIds.next();
        r.branchId = m.branchId();
        r.counterId = m.counterId();
        r.ticketId = m.ticketId();
        r.ticketNumber = m.ticketNumber();
        r.clerkId = m.clerkId();
        r.businessType = m.businessType();
        r.customerRef = customerRef;
        r.serviceStartedAt = m.startedAt();
        r.createdAt = now;
        r.status = RecommendationStatus.SERVING;
        r.waiting = load.waiting();
        r.busyThreshold = load.busyThreshold();
        r.noOfferReason = advice.noOfferReason();
        advice.offered().ifPresent(o -> {
            r.offerCode = o.offer().code();
            r.score = o.score();
            r.pitchForm = advice.pitch().form();
            r.pitchSeconds = advice.pitch().timeBudgetSeconds();
        });
        advice.recoveryFirst().ifPresent(rec -> {
            r.recoveryGesture = rec.gesture();
            r.waitedSeconds = breach.get().waitedSeconds();
            r.limitSeconds = breach.get().limitSeconds();
        });

        if (r.offerCode != null) {
            events.offerRecommended(r.id, r.branchId, r.ticketId, r.counterId, r.businessType, r.offerCode,
                    r.pitchForm, r.pitchSeconds, now);
            // A re-advice that keeps the offer (only the pitch or the apology changed) is the same
            // offer to the same customer: counted once, or the conversion rate would sink.
            if (replaced == null || !r.offerCode.equals(replaced.offerCode)) {
                metrics.offerMade(r.branchId, r.offerCode, r.pitchForm.name());
            }
        }
        if (r.recoveryGesture != null) {
            metrics.recoveryGiven(r.branchId, r.recoveryGesture);
        }
        LOG.infof("Counter %s/%s: offer %s, pitch %s, recovery %s, %d waiting", r.branchId, r.counterId,
                r.offerCode != null ? r.offerCode : "none (" + r.noOfferReason + ")",
                r.pitchForm, r.recoveryGesture, r.waiting);
        return r;
    }
}
