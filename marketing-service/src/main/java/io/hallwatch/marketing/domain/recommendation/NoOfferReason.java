package io.hallwatch.marketing.domain.recommendation;

/** Why the counter gets no offer for this customer; shown to the clerk so they do not improvise one. */
public enum NoOfferReason {
    /** The customer asked not to be marketed to: always respected. */
    OPTED_OUT,
    /** The customer was contacted as often as the cap allows within its window. */
    CONTACT_CAP,
    /** Nothing in the catalogue fits this customer and visit well enough. */
    NO_ELIGIBLE_OFFER,
    /** The customer waited too long and the hall is busy: the apology, no pitch. */
    RECOVERY_FIRST
}
