package io.hallwatch.marketing.recommendation;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.OfferRecommended;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.marketing.catalogue.OfferCatalogue;
import io.hallwatch.marketing.config.BranchSettings;
import io.hallwatch.marketing.customers.CustomerProfiles;
import io.hallwatch.marketing.customers.domain.ContactHistory;
import io.hallwatch.marketing.customers.domain.CustomerProfile;
import io.hallwatch.marketing.hall.HallLedger;
import io.hallwatch.marketing.hall.domain.HallLoad;
import io.hallwatch.marketing.metrics.MarketingMetrics;
import io.hallwatch.marketing.recommendation.domain.CounterAdvice;
import io.hallwatch.marketing.recovery.WaitBreaches;
import io.hallwatch.marketing.recovery.domain.RecoveryGesture;
import io.hallwatch.marketing.recovery.domain.WaitBreach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a service start into what the counter screen shows, and keeps it right: a service's end
 * clears it, and a late fact (the ticket's customer reference, a wait breach reported after the
 * call) replaces it with new advice. Runs inside the consumer's transaction, so the advice, its
 * {@code OfferRecommended} event and the event's dedupe record commit together.
 */
@ApplicationScoped
public class Recommender {
    private static final Logger LOG = Logger.getLogger(Recommender.class);

    private final HallLedger hall;
    private final CustomerProfiles profiles;
    private final OfferCatalogue catalogue;
    private final WaitBreaches breaches;
    private final BranchSettings branches;
    private final MarketingRules rules;
    private final Outbox outbox;
    private final MarketingMetrics metrics;
    private final Clock clock;

    Recommender(HallLedger hall, CustomerProfiles profiles, OfferCatalogue catalogue, WaitBreaches breaches,
                BranchSettings branches, MarketingRules rules, Outbox outbox, MarketingMetrics metrics, Clock clock) {
        this.hall = hall;
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.breaches = breaches;
        this.branches = branches;
        this.rules = rules;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The service moment the advice is for. */
    record Moment(String branchId, String counterId, String ticketId, String ticketNumber, String clerkId,
                  String businessType, Instant startedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void serviceStarted(ServiceStarted s) {
        // A counter serves one customer at a time: whatever it showed before ended with that service,
        // even where the finish event has not arrived.
        // SERVING as a literal, not a parameter: a prepared statement's generic plan cannot use the
        // partial index recommendation_serving_counter for a bound status, and the table was
        // scanned whole at every service start (bench/scale).
        RecommendationEntity.update("status = ?1 where branchId = ?2 and counterId = ?3 and status = "
                        + RecommendationEntity.SERVING + " and ticketId <> ?4",
                RecommendationStatus.FINISHED, s.branchId(), s.counterId(), s.ticketId());
        RecommendationEntity.update("status = ?1 where ticketId = ?2 and status = ?3",
                RecommendationStatus.SUPERSEDED, s.ticketId(), RecommendationStatus.SERVING);
        Moment moment = new Moment(s.branchId(), s.counterId(), s.ticketId(), s.ticketNumber(), s.clerkId(),
                s.businessType(), s.startedAt());
        advise(moment, hall.load(s.branchId(), s.startedAt()), null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void serviceFinished(ServiceFinished f) {
        RecommendationEntity.update("status = ?1 where ticketId = ?2 and status = ?3",
                RecommendationStatus.FINISHED, f.ticketId(), RecommendationStatus.SERVING);
    }

    /** The ticket's customer reference arrived after its service started: advise again, knowing the customer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void customerKnown(String ticketId) {
        servingFor(ticketId).filter(r -> r.customerRef == null && hall.customerRef(ticketId).isPresent())
                .ifPresent(this::readvise);
    }

    /** The SLA monitor reported the wait breach after the service started: the apology comes first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void waitBreached(String ticketId) {
        servingFor(ticketId).filter(r -> r.recoveryGesture == null).ifPresent(this::readvise);
    }

    /** Locked: the outcome endpoint may be writing the same row, and neither may lose the other's change. */
    private Optional<RecommendationEntity> servingFor(String ticketId) {
        return RecommendationEntity.<RecommendationEntity>find("ticketId = ?1 and status = ?2", ticketId,
                RecommendationStatus.SERVING).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    private void readvise(RecommendationEntity previous) {
        previous.status = RecommendationStatus.SUPERSEDED;
        // The load stays the one at service start: that is the hall the clerk is pitching in.
        advise(new Moment(previous.branchId, previous.counterId, previous.ticketId, previous.ticketNumber,
                previous.clerkId, previous.businessType, previous.serviceStartedAt),
                new HallLoad(previous.waiting, previous.busyThreshold), previous);
    }

    /** {@code replaced}: the advice this one supersedes for the same customer, or null. */
    private void advise(Moment m, HallLoad load, RecommendationEntity replaced) {
        String customerRef = hall.customerRef(m.ticketId()).orElse(null);
        CustomerProfile profile = profiles.find(customerRef).orElse(null);
        ContactHistory history = profiles.history(customerRef);
        Optional<WaitBreach> breach = breaches.of(m.ticketId()).map(b -> new WaitBreach(
                Math.max(b.waitedSeconds(), hall.waitedSeconds(m.ticketId(), m.startedAt()).orElse(0L)), b.limitSeconds()));
        RecoveryGesture gesture = branches.recoveryGesture(m.branchId());
        CounterAdvice advice = rules.advisor().advise(profile, history, m.businessType(), catalogue.all(), load,
                breach, gesture, m.startedAt());

        Instant now = clock.instant();
        RecommendationEntity r = new RecommendationEntity();
        r.id = UUID.randomUUID();
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
        r.persist();

        if (r.offerCode != null) {
            outbox.publish(now, new OfferRecommended(r.id.toString(), r.branchId, r.ticketId, r.counterId,
                    r.businessType, r.offerCode, r.pitchForm.name(), r.pitchSeconds, now));
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
    }
}
