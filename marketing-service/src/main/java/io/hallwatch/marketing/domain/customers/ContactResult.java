package io.hallwatch.marketing.domain.customers;

/** How a marketing contact ended, as far as the contact history needs to know. */
public enum ContactResult {
    ACCEPTED, DECLINED, INTERESTED
}
