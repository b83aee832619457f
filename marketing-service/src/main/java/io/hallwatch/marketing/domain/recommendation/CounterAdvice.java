package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.hall.HallLoad;
import io.hallwatch.marketing.domain.recovery.Recovery;

import java.util.Optional;

/**
 * Everything the counter screen shows for the customer now being served, in the order the clerk
 * uses it: the recovery first (if the customer waited too long), then the offer and its pitch, or
 * the reason there is none.
 */
public record CounterAdvice(Recovery recovery, ScoredOffer offer, Pitch pitch, NoOfferReason noOfferReason,
                            HallLoad load) {

    public CounterAdvice {
        if ((offer == null) != (pitch == null)) {
            throw new IllegalArgumentException("an offer goes with its pitch");
        }
        if ((offer == null) == (noOfferReason == null)) {
            throw new IllegalArgumentException("advice has either an offer or a reason for none");
        }
    }

    public Optional<Recovery> recoveryFirst() {
        return Optional.ofNullable(recovery);
    }

    public Optional<ScoredOffer> offered() {
        return Optional.ofNullable(offer);
    }

    /** Nothing to show: no recovery owed and no offer. */
    public boolean empty() {
        return recovery == null && offer == null;
    }
}
