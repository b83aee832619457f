package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.ContactHistory;
import io.hallwatch.marketing.domain.customers.CustomerProfile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Picks the offer to recommend while serving (见缝插针). First the customer: an opt-out ends it, and
 * so does the contact cap. Then each offer: valid today, not already taken, not declined too often,
 * and meeting its eligibility rules. Then a score:
 * <ul>
 *   <li>{@value #BUSINESS_TYPE_FIT} if it fits what the customer came for (the MMS bundle after an MMS fix);</li>
 *   <li>{@value #PER_CONDITION_MET} per eligibility condition met: a targeted offer that fits is a real need;</li>
 *   <li>{@value #OVER_ALLOWANCE} more for a data offer when the customer already uses more than the allowance;</li>
 *   <li>the offer's priority (marketing's push);</li>
 *   <li>minus {@value #PER_DECLINE} per recent decline of it, minus {@value #FOLLOW_UP_PENDING} when the
 *       customer recently said "interested" (a follow-up is already on it).</li>
 * </ul>
 * Under the minimum score, nothing: a weak pitch costs the customer time and the hall its queue.
 * Ties go to the lower offer code, so the same facts always give the same answer.
 */
public final class NextBestOffer {
    static final int BUSINESS_TYPE_FIT = 40;
    static final int PER_CONDITION_MET = 15;
    static final int OVER_ALLOWANCE = 10;
    static final int PER_DECLINE = 20;
    static final int FOLLOW_UP_PENDING = 10;

    private static final Comparator<ScoredOffer> BEST_FIRST = Comparator.comparingInt(ScoredOffer::score).reversed()
            .thenComparing(s -> s.offer().code());

    private final ContactRules rules;
    private final ZoneId zone;

    public NextBestOffer(ContactRules rules, ZoneId zone) {
        this.rules = Objects.requireNonNull(rules);
        this.zone = Objects.requireNonNull(zone);
    }

    /**
     * @param profile      the CRM profile, null for a customer the CRM does not know (or an anonymous ticket)
     * @param history      every known marketing contact with this customer
     * @param businessType what the customer came for
     * @param at           when the service started (event time)
     */
    public OfferDecision decide(CustomerProfile profile, ContactHistory history, String businessType,
                                List<Offer> catalogue, Instant at) {
        if (profile != null && profile.marketingOptOut()) {
            return OfferDecision.none(NoOfferReason.OPTED_OUT);
        }
        if (history.countBetween(at.minus(rules.window()), at) >= rules.cap()) {
            return OfferDecision.none(NoOfferReason.CONTACT_CAP);
        }
        LocalDate today = LocalDate.ofInstant(at, zone);
        List<ScoredOffer> ranked = catalogue.stream()
                .filter(o -> o.validOn(today))
                .filter(o -> !history.accepted(o.code()))
                .filter(o -> history.declinesOf(o.code(), at.minus(rules.declineWindow()), at) < rules.maxDeclines())
                .filter(o -> o.eligibility().admits(profile, today))
                .map(o -> new ScoredOffer(o, score(o, profile, history, businessType, at)))
                .filter(s -> s.score() >= rules.minScore())
                .sorted(BEST_FIRST)
                .toList();
        if (ranked.isEmpty()) {
            return OfferDecision.none(NoOfferReason.NO_ELIGIBLE_OFFER);
        }
        return new OfferDecision(ranked.get(0), null, ranked);
    }

    int score(Offer offer, CustomerProfile profile, ContactHistory history, String businessType, Instant at) {
        int score = offer.priority();
        if (offer.fits(businessType)) {
            score += BUSINESS_TYPE_FIT;
        }
        score += PER_CONDITION_MET * offer.eligibility().conditionCount();
        if (offer.eligibility().minDataUsagePercent() != null && profile != null
                && profile.dataUsagePercent().orElse(0) >= 100) {
            score += OVER_ALLOWANCE;
        }
        score -= PER_DECLINE * (int) history.declinesOf(offer.code(), at.minus(rules.declineWindow()), at);
        if (history.interestedIn(offer.code(), at.minus(rules.window()), at)) {
            score -= FOLLOW_UP_PENDING;
        }
        return score;
    }
}
