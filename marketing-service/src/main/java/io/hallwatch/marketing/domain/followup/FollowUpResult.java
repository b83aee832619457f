package io.hallwatch.marketing.domain.followup;

import io.hallwatch.marketing.domain.customers.ContactResult;

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
