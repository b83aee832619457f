package io.hallwatch.marketing.api;

/** The shapes of identifiers and free text the API accepts, for Bean Validation. */
public final class Formats {
    /** Branch, counter and staff ids. */
    public static final String ID = "[A-Za-z0-9._:-]{1,64}";
    public static final String OFFER_CODE = "[A-Z0-9][A-Z0-9-]{0,31}";
    /** The CRM's opaque reference, never a phone number (the same rule as the ticket event's schema). */
    public static final String CUSTOMER_REF = "(?![+]?[0-9]{7,15}$)[A-Za-z0-9._:-]{1,64}";
    /** Free text for people, not for contact details: no run of seven or more digits. */
    public static final String NO_PHONE_NUMBER = "(?s)(?!.*[0-9]{7}).*";
    public static final String NO_PHONE_MESSAGE = "must not hold a phone number";

    private Formats() {
    }
}
