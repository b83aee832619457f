package io.hallwatch.marketing.followup.domain;

import io.hallwatch.marketing.customers.domain.ContactResult;

import java.util.Optional;

/** How a second-round follow-up ended. */
public enum FollowUpResult {
    ACCEPTED, DECLINED,
    /** The branch could not reach the customer: no contact happened. */
    UNREACHABLE;

    public Optional<ContactResult> contact() {
        return this == UNREACHABLE ? Optional.empty() : Optional.of(ContactResult.valueOf(name()));
    }
}
