package io.hallwatch.marketing.domain.customers;

import java.time.Instant;
import java.util.Objects;

/**
 * One marketing contact with a customer, from the CRM or recorded here: a pitch at the counter, a
 * follow-up call that reached the customer, a campaign conversation. {@code offerCode} and
 * {@code result} may be unknown for contacts the CRM reports without detail.
 */
public record Contact(Instant at, String offerCode, ContactResult result) {
    public Contact {
        Objects.requireNonNull(at, "at");
    }

    public boolean about(String code) {
        return code.equals(offerCode);
    }
}
