package io.hallwatch.marketing.events;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.OfferOutcomeRecorded;
import io.hallwatch.events.OfferRecommended;
import io.hallwatch.marketing.domain.followup.FollowUpResult;
import io.hallwatch.marketing.domain.outcome.OfferResult;
import io.hallwatch.marketing.domain.recommendation.PitchForm;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * What marketing publishes on {@code hallwatch.marketing.v1}, through the outbox: each call must run
 * in the transaction of the change it reports ({@link Outbox#publish} refuses to run outside one).
 * Free text (an outcome's reason, a follow-up's note) is never in an event.
 */
@ApplicationScoped
public class OfferEvents {

    private final Outbox outbox;

    OfferEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code OfferRecommended}: an offer put on a counter's screen. */
    public void offerRecommended(UUID recommendationId, String branchId, String ticketId, String counterId,
                                 String businessType, String offerCode, PitchForm pitchForm, int pitchSeconds,
                                 Instant at) {
        outbox.publish(at, new OfferRecommended(recommendationId.toString(), branchId, ticketId, counterId,
                businessType, offerCode, pitchForm.name(), pitchSeconds, at));
    }

    /** {@code OfferOutcomeRecorded}, channel COUNTER: how an offer made at a counter ended. */
    public void counterOutcome(UUID outcomeId, String branchId, String offerCode, OfferResult result, Instant at,
                               UUID recommendationId, String ticketId, String counterId, PitchForm pitchForm,
                               UUID followUpId) {
        outbox.publish(at, new OfferOutcomeRecorded(outcomeId.toString(), branchId, "COUNTER", offerCode,
                result.name(), at, recommendationId.toString(), ticketId, counterId, pitchForm.name(),
                text(followUpId), null));
    }

    /** {@code OfferOutcomeRecorded}, channel FOLLOW_UP: how a follow-up ended. */
    public void followUpOutcome(String branchId, String offerCode, FollowUpResult result, Instant at,
                                UUID recommendationId, String ticketId, UUID followUpId, UUID campaignId) {
        outbox.publish(at, new OfferOutcomeRecorded(UUID.randomUUID().toString(), branchId, "FOLLOW_UP", offerCode,
                result.name(), at, text(recommendationId), ticketId, null, null, text(followUpId), text(campaignId)));
    }

    /** {@code OfferOutcomeRecorded}, channel CAMPAIGN: a lead (INTERESTED) or a sale (ACCEPTED) on site. */
    public void campaignOutcome(String branchId, String offerCode, String result, Instant at, UUID followUpId,
                                UUID campaignId) {
        outbox.publish(at, new OfferOutcomeRecorded(UUID.randomUUID().toString(), branchId, "CAMPAIGN", offerCode,
                result, at, null, null, null, null, text(followUpId), campaignId.toString()));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
