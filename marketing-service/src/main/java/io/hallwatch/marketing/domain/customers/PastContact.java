package io.hallwatch.marketing.domain.customers;

import java.time.LocalDate;
import java.util.Objects;

/** A marketing contact the CRM recorded: the day, and where known the offer and how it ended. */
public record PastContact(LocalDate on, String offerCode, ContactResult result) {
    public PastContact {
        Objects.requireNonNull(on, "on");
    }
}
