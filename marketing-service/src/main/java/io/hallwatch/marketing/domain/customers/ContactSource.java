package io.hallwatch.marketing.domain.customers;

/** Where a contact was recorded: the CRM's own history (replaced at each import) or one of ours. */
public enum ContactSource {
    CRM, COUNTER, FOLLOW_UP, CAMPAIGN
}
