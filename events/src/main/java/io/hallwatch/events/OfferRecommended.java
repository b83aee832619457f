package io.hallwatch.events;

import java.time.Instant;

/**
 * The marketing service recommended an offer to the clerk serving a ticket. {@code pitchForm} is
 * {@code SHORT} (one sentence, the hall is busy) or {@code FULL} (the script and demo).
 */
public record OfferRecommended(String recommendationId, String branchId, String ticketId, String counterId,
                               String businessType, String offerCode, String pitchForm,
                               int pitchSeconds, Instant recommendedAt) implements EventPayload {
    @Override
    public String subject() {
        return ticketId;
    }
}
