package io.hallwatch.marketing.api.outcome;

import io.hallwatch.marketing.domain.outcome.OfferResult;

import java.time.Instant;
import java.util.UUID;

/** A recorded outcome; {@code followUp} is the call-back an INTERESTED outcome planned. */
public record OutcomeView(UUID offerId, String offerCode, OfferResult result, String reason, Instant recordedAt,
                          FollowUpRef followUp) {

    public record FollowUpRef(UUID id, Instant dueAt) {
    }
}
