package io.hallwatch.events;

/** The customer's service tier printed on the ticket; VIP customers are served differently. */
public enum CustomerTier {
    NORMAL, VIP
}
