package io.hallwatch.marketing.service.outcome;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.marketing.api.outcome.OutcomeView;
import io.hallwatch.marketing.domain.customers.ContactSource;
import io.hallwatch.marketing.domain.followup.FollowUpSource;
import io.hallwatch.marketing.domain.outcome.OfferResult;
import io.hallwatch.marketing.domain.outcome.OutcomeRecording;
import io.hallwatch.marketing.domain.recommendation.RecommendationStatus;
import io.hallwatch.marketing.events.OfferEvents;
import io.hallwatch.marketing.metrics.MarketingMetrics;
import io.hallwatch.marketing.service.followup.FollowUps;
import io.hallwatch.marketing.store.customers.CustomerStore;
import io.hallwatch.marketing.store.followup.FollowUpEntity;
import io.hallwatch.marketing.store.recommendation.RecommendationEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records how an offer shown at a counter ended: in the contact history (for the cap and past
 * declines), as a follow-up when the customer is interested, and as an {@code OfferOutcomeRecorded}
 * event, all in one transaction.
 */
@ApplicationScoped
public class Outcomes {

    private final CustomerStore customers;
    private final FollowUps followUps;
    private final OfferEvents events;
    private final MarketingMetrics metrics;
    private final Clock clock;

    Outcomes(CustomerStore customers, FollowUps followUps, OfferEvents events, MarketingMetrics metrics, Clock clock) {
        this.customers = customers;
        this.followUps = followUps;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The outcome and whether this call recorded it (false: the same outcome was already there). */
    public record Recorded(OutcomeView outcome, boolean created) {
    }

    /** The branch whose counter made the offer, for the caller's scope check. */
    public String branchOf(UUID offerId) {
        RecommendationEntity r = RecommendationEntity.findById(offerId);
        if (r == null) {
            throw ProblemException.notFound("offer-not-found", "No offer " + offerId + " was made at a counter");
        }
        return r.branchId;
    }

    @Transactional
    public Recorded record(UUID offerId, OfferResult result, String reason) {
        RecommendationEntity r = RecommendationEntity.lock(offerId);
        if (r == null) {
            throw ProblemException.notFound("offer-not-found", "No offer " + offerId + " was made at a counter");
        }
        switch (OutcomeRecording.judge(r.offerCode != null, r.status == RecommendationStatus.SUPERSEDED, r.outcome, result)) {
            case NO_OFFER -> throw ProblemException.conflict("no-offer-made",
                    "No offer was made for this customer (" + r.noOfferReason + "): there is no outcome to record");
            case SUPERSEDED -> throw ProblemException.conflict("offer-superseded",
                    "This offer was replaced by newer advice for the same customer; record the outcome of the current one");
            case ALREADY_RECORDED -> throw ProblemException.conflict("outcome-already-recorded",
                    "The outcome of this offer was already recorded as " + r.outcome);
            case REPEAT -> {
                return new Recorded(view(r, FollowUpEntity.ofRecommendation(r.id)), false);
            }
            case RECORD -> {
                return new Recorded(view(r, apply(r, result, reason)), true);
            }
            default -> throw new IllegalStateException();
        }
    }

    private FollowUpEntity apply(RecommendationEntity r, OfferResult result, String reason) {
        Instant now = clock.instant();
        r.outcomeId = UUID.randomUUID();
        r.outcome = result;
        r.outcomeReason = reason;
        r.outcomeAt = now;
        result.contact().ifPresent(c -> customers.recordContact(r.customerRef, now, r.offerCode, c, ContactSource.COUNTER));
        FollowUpEntity followUp = result == OfferResult.INTERESTED
                ? followUps.plan(r.branchId, r.offerCode, r.customerRef,
                new FollowUps.Origin(FollowUpSource.COUNTER, r.id, r.ticketId, null), now)
                : null;
        // The reason is free text for the branch: it stays here and never goes into the event.
        events.counterOutcome(r.outcomeId, r.branchId, r.offerCode, result, now, r.id, r.ticketId, r.counterId,
                r.pitchForm, followUp == null ? null : followUp.id);
        metrics.outcome(r.branchId, r.offerCode, r.pitchForm.name(), "COUNTER", result.name());
        return followUp;
    }

    private static OutcomeView view(RecommendationEntity r, FollowUpEntity followUp) {
        return new OutcomeView(r.id, r.offerCode, r.outcome, r.outcomeReason, r.outcomeAt,
                followUp == null ? null : new OutcomeView.FollowUpRef(followUp.id, followUp.dueAt));
    }
}
