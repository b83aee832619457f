package io.hallwatch.marketing.recommendation.domain;

import io.hallwatch.marketing.catalogue.domain.Offer;
import io.hallwatch.marketing.customers.domain.ContactHistory;
import io.hallwatch.marketing.customers.domain.CustomerProfile;
import io.hallwatch.marketing.hall.domain.HallLoad;
import io.hallwatch.marketing.recovery.domain.Recovery;
import io.hallwatch.marketing.recovery.domain.RecoveryGesture;
import io.hallwatch.marketing.recovery.domain.WaitBreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Puts the rules together for one service moment: recovery, then the next-best offer, then its pitch. */
public final class CounterAdvisor {

    private final NextBestOffer nextBestOffer;
    private final PitchPolicy pitchPolicy;

    public CounterAdvisor(NextBestOffer nextBestOffer, PitchPolicy pitchPolicy) {
        this.nextBestOffer = nextBestOffer;
        this.pitchPolicy = pitchPolicy;
    }

    /**
     * @param breach  the customer's wait breach, if the SLA monitor reported one
     * @param gesture the branch's recovery gesture
     */
    public CounterAdvice advise(CustomerProfile profile, ContactHistory history, String businessType,
                                List<Offer> catalogue, HallLoad load, Optional<WaitBreach> breach,
                                RecoveryGesture gesture, Instant at) {
        Recovery recovery = breach.map(b -> Recovery.forBreach(b, gesture)).orElse(null);
        OfferDecision decision = nextBestOffer.decide(profile, history, businessType, catalogue, at);
        if (decision.best() == null) {
            return new CounterAdvice(recovery, null, null, decision.reason(), load);
        }
        Optional<Pitch> pitch = pitchPolicy.pitch(decision.best().offer(), load, breach.isPresent());
        return pitch.map(p -> new CounterAdvice(recovery, decision.best(), p, null, load))
                .orElseGet(() -> new CounterAdvice(recovery, null, null, NoOfferReason.RECOVERY_FIRST, load));
    }
}
