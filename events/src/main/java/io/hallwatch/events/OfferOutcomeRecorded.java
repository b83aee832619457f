package io.hallwatch.events;

import java.time.Instant;

/**
 * The marketing service recorded how an offer ended. {@code channel} is {@code COUNTER} (the
 * offer a counter was shown, {@code recommendationId}, while serving {@code ticketId}),
 * {@code FOLLOW_UP} (a second-round call, {@code followUpId}) or {@code CAMPAIGN} (an enterprise
 * on-site campaign, {@code campaignId}). {@code result} is {@code ACCEPTED}, {@code DECLINED},
 * {@code INTERESTED} (a follow-up was planned), {@code NOT_PITCHED} or, for a follow-up,
 * {@code UNREACHABLE}. The customer appears only through the ticket: no personal data.
 */
public record OfferOutcomeRecorded(String outcomeId, String branchId, String channel, String offerCode, String result,
                                   Instant recordedAt, @Nullable String recommendationId, @Nullable String ticketId,
                                   @Nullable String counterId, @Nullable String pitchForm,
                                   @Nullable String followUpId, @Nullable String campaignId) implements EventPayload {
    /** The ticket where there is one (counter outcomes, their follow-ups), else the campaign, else the outcome. */
    @Override
    public String subject() {
        return ticketId != null ? ticketId : campaignId != null ? campaignId : outcomeId;
    }
}
