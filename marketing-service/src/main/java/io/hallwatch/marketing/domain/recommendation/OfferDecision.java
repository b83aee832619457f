package io.hallwatch.marketing.domain.recommendation;

import java.util.List;
import java.util.Optional;

/** The next-best offer, or why there is none; {@code ranked} is every offer that qualified, best first. */
public record OfferDecision(ScoredOffer best, NoOfferReason reason, List<ScoredOffer> ranked) {

    public OfferDecision {
        ranked = List.copyOf(ranked);
        if ((best == null) == (reason == null)) {
            throw new IllegalArgumentException("a decision has either an offer or a reason");
        }
    }

    static OfferDecision none(NoOfferReason reason) {
        return new OfferDecision(null, reason, List.of());
    }

    public Optional<ScoredOffer> offer() {
        return Optional.ofNullable(best);
    }
}
