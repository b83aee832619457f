package io.hallwatch.marketing.api.recommendation;

import io.hallwatch.marketing.domain.recommendation.NoOfferReason;
import io.hallwatch.marketing.domain.recommendation.PitchForm;
import io.hallwatch.marketing.domain.recovery.RecoveryGesture;

import java.time.Instant;
import java.util.UUID;

/**
 * What the counter screen shows for the customer being served, in the order the clerk uses it:
 * {@code recovery} first (null unless the customer waited too long), then {@code offer} with its
 * pitch (null when there is none, and {@code noOfferReason} says why), and the hall it was sized to.
 */
public record CounterScreen(String branchId, String counterId, String ticketId, String ticketNumber,
                            String businessType, Instant serviceStartedAt, RecoveryView recovery, OfferView offer,
                            NoOfferReason noOfferReason, HallView hall) {

    public record RecoveryView(String apology, String apologyZh, RecoveryGesture gesture, String gestureText,
                               String gestureTextZh, long waitedMinutes) {
    }

    /** {@code offerId} is what the outcome is recorded against: POST /api/v1/offers/{offerId}/outcome. */
    public record OfferView(UUID offerId, String offerCode, String name, String nameZh, PitchView pitch) {
    }

    public record PitchView(PitchForm form, String text, String demoStep, int timeBudgetSeconds) {
    }

    public record HallView(int waiting, int busyThreshold, boolean busy) {
    }
}
