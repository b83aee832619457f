package io.hallwatch.marketing.domain.customers;

import java.time.Instant;
import java.util.List;

/** Everything known of the marketing contacts with one customer, oldest or newest first, any order. */
public record ContactHistory(List<Contact> contacts) {

    public ContactHistory {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public static ContactHistory empty() {
        return new ContactHistory(List.of());
    }

    /** Contacts at or after {@code since} and not after {@code now}. */
    public long countBetween(Instant since, Instant now) {
        return contacts.stream().filter(c -> !c.at().isBefore(since) && !c.at().isAfter(now)).count();
    }

    public long declinesOf(String offerCode, Instant since, Instant now) {
        return contacts.stream()
                .filter(c -> c.about(offerCode) && c.result() == ContactResult.DECLINED)
                .filter(c -> !c.at().isBefore(since) && !c.at().isAfter(now))
                .count();
    }

    public boolean interestedIn(String offerCode, Instant since, Instant now) {
        return contacts.stream()
                .anyMatch(c -> c.about(offerCode) && c.result() == ContactResult.INTERESTED
                        && !c.at().isBefore(since) && !c.at().isAfter(now));
    }

    /** The customer took the offer at some point: it is theirs, offering it again is noise. */
    public boolean accepted(String offerCode) {
        return contacts.stream().anyMatch(c -> c.about(offerCode) && c.result() == ContactResult.ACCEPTED);
    }
}
