package io.hallwatch.marketing.outcome.domain;

import io.hallwatch.marketing.customers.domain.ContactResult;

import java.util.Optional;

/** How the offer shown at the counter ended, as the clerk records it. */
public enum OfferResult {
    ACCEPTED, DECLINED,
    /** Not now, but interested: a follow-up is planned (二次营销). */
    INTERESTED,
    /** The clerk did not pitch it (the customer was in a hurry, upset, ...): no contact happened. */
    NOT_PITCHED;

    /** What the contact history keeps of it; a pitch that never happened is no contact. */
    public Optional<ContactResult> contact() {
        return this == NOT_PITCHED ? Optional.empty() : Optional.of(ContactResult.valueOf(name()));
    }
}
