package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.ContactHistory;
import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.hall.HallLoad;
import io.hallwatch.marketing.domain.recovery.Recovery;
import io.hallwatch.marketing.domain.recovery.RecoveryGesture;
import io.hallwatch.marketing.domain.recovery.WaitBreach;

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
