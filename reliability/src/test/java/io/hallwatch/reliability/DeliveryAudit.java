package io.hallwatch.reliability;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The oracle's verdict for one kind of promise (a ticket issued, a service finished): what the
 * clients were told was accepted, against the rows the service stored and the events it published.
 * An event sent twice with the same id is a redelivery the consumers skip (the relay is at least
 * once); two different events for one accepted request are a duplicate.
 */
record DeliveryAudit(int accepted, Set<String> lostInDatabase, Set<String> lostOnTopic, Set<String> doubledInDatabase,
                     Set<String> doubledOnTopic, int redelivered, int publishedEvents) {

    /** One published event: its id and what it is about (the ticket id for ticket events). */
    record Published(String eventId, String subject) {
    }

    static DeliveryAudit of(Collection<String> accepted, Collection<String> storedSubjects, List<Published> published) {
        Map<String, Integer> rows = new HashMap<>();
        storedSubjects.forEach(s -> rows.merge(s, 1, Integer::sum));
        Map<String, Set<String>> eventsPerSubject = new HashMap<>();
        Set<String> seenIds = new HashSet<>();
        int redelivered = 0;
        for (Published p : published) {
            if (!seenIds.add(p.eventId())) {
                redelivered++;
            }
            eventsPerSubject.computeIfAbsent(p.subject(), k -> new HashSet<>()).add(p.eventId());
        }
        Set<String> lostDb = new TreeSet<>();
        Set<String> lostTopic = new TreeSet<>();
        for (String id : accepted) {
            if (!rows.containsKey(id)) {
                lostDb.add(id);
            }
            if (!eventsPerSubject.containsKey(id)) {
                lostTopic.add(id);
            }
        }
        Set<String> doubledDb = new TreeSet<>();
        rows.forEach((id, n) -> {
            if (n > 1) {
                doubledDb.add(id);
            }
        });
        Set<String> doubledTopic = new TreeSet<>();
        eventsPerSubject.forEach((id, ids) -> {
            if (ids.size() > 1) {
                doubledTopic.add(id);
            }
        });
        return new DeliveryAudit(accepted.size(), lostDb, lostTopic, doubledDb, doubledTopic, redelivered, seenIds.size());
    }

    int lost() {
        Set<String> all = new HashSet<>(lostInDatabase);
        all.addAll(lostOnTopic);
        return all.size();
    }

    int duplicated() {
        Set<String> all = new HashSet<>(doubledInDatabase);
        all.addAll(doubledOnTopic);
        return all.size();
    }

    @Override
    public String toString() {
        return "accepted " + accepted + ", events " + publishedEvents + ", lost in db " + lostInDatabase + ", lost on topic "
                + lostOnTopic + ", doubled in db " + doubledInDatabase + ", doubled on topic " + doubledOnTopic
                + ", redelivered " + redelivered;
    }
}
