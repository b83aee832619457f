package io.hallwatch.marketing.domain.outcome;

import io.hallwatch.marketing.domain.customers.ContactResult;

import java.util.Optional;
import java.util.Set;

/** How the offer shown at the counter ended, as the clerk records it. */
public enum OfferResult {
    ACCEPTED, DECLINED,
    /** Not now, but interested: a follow-up is planned (二次营销). */
    INTERESTED,
    /** The clerk did not pitch it (the customer was in a hurry, upset, ...): no contact happened. */
    NOT_PITCHED;

    /** The outcomes of an offer that was pitched: what a conversion rate divides by. */
    public static final Set<OfferResult> PITCHED = Set.of(ACCEPTED, DECLINED, INTERESTED);

    /** What the contact history keeps of it; a pitch that never happened is no contact. */
    public Optional<ContactResult> contact() {
        return this == NOT_PITCHED ? Optional.empty() : Optional.of(ContactResult.valueOf(name()));
    }
}
