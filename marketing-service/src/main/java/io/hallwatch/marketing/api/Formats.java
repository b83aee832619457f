package io.hallwatch.marketing.api;

/**
 * The shapes of identifiers and free text the API accepts, for Bean Validation and, through it, for
 * the OpenAPI document. Written in the common subset of Java's and ECMA-262's (JavaScript's) regular
 * expressions, without inline flags, and anchored with {@code ^...$}: Bean Validation matches the
 * whole value, while a JSON Schema {@code pattern} only searches for a match, so the anchors make a
 * client's check the same as the server's. FormatsTest holds each to the form it replaced.
 */
public final class Formats {
    /** Branch, counter and staff ids. */
    public static final String ID = "^[A-Za-z0-9._:-]{1,64}$";
    public static final String OFFER_CODE = "^[A-Z0-9][A-Z0-9-]{0,31}$";
    /** The CRM's opaque reference, never a phone number (the same rule as the ticket event's schema). */
    public static final String CUSTOMER_REF = "^(?![+]?[0-9]{7,15}$)[A-Za-z0-9._:-]{1,64}$";
    /**
     * Free text for people, not for contact details: no run of seven or more digits, on any line.
     * {@code [\s\S]} is any character, line breaks included, where Java wrote {@code (?s).}.
     */
    public static final String NO_PHONE_NUMBER = "^(?![\\s\\S]*[0-9]{7})[\\s\\S]*$";
    public static final String NO_PHONE_MESSAGE = "must not hold a phone number";
    /** An offer's category, e.g. DATA. */
    public static final String CATEGORY = "^[A-Z][A-Z_]{0,31}$";
    /** A business type of the queue's catalogue, e.g. PAYMENT. */
    public static final String BUSINESS_TYPE = "^[A-Z][A-Z0-9_]{0,31}$";
    /** An id the service made, e.g. the offerId a counter screen shows. */
    public static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    /** Which follow-ups a branch lists. */
    public static final String FOLLOW_UP_STATUS = "^(OPEN|CLOSED|ALL)$";

    private Formats() {
    }
}
