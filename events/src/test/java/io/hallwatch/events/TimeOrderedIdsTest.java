package io.hallwatch.events;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void an_id_is_a_version_7_uuid_that_carries_its_millisecond() {
        long millis = 1_764_900_000_123L;
        UUID id = TimeOrderedIds.at(millis, new SecureRandom());
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        // The RFC's own example: 0x017F22E279B0 ms is 017f22e2-79b0-7...
        assertTrue(TimeOrderedIds.at(0x017F22E279B0L, new SecureRandom()).toString().startsWith("017f22e2-79b0-7"));
    }

    @Test
    void ids_sort_by_their_millisecond_as_text_and_as_postgresql_compares_uuids() {
        SecureRandom random = new SecureRandom();
        String earlier = TimeOrderedIds.at(1_764_900_000_123L, random).toString();
        String later = TimeOrderedIds.at(1_764_900_000_124L, random).toString();
        // PostgreSQL orders uuid (and the text of one) bytewise: the time comes first.
        assertTrue(earlier.compareTo(later) < 0, earlier + " " + later);
    }

    @Test
    void ids_of_one_millisecond_differ_in_their_74_random_bits() {
        SecureRandom random = new SecureRandom();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = TimeOrderedIds.at(1_764_900_000_123L, random);
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            ids.add(id);
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void new_events_get_time_ordered_ids() {
        UUID id = CloudEvent.of("/test", java.time.Instant.EPOCH, EventSamples.byType().get(EventType.TICKET_ISSUED)).id();
        assertEquals(7, id.version());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, "the id's time is the wall clock's: " + millis);
    }

    @Test
    void an_id_derived_from_an_event_keeps_the_events_millisecond_and_is_the_same_for_the_same_event_and_name() {
        UUID event = TimeOrderedIds.at(1_764_900_000_123L, new SecureRandom());
        UUID id = TimeOrderedIds.derived(event, "alert|b-1");
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(1_764_900_000_123L, id.getMostSignificantBits() >>> 16);
        assertEquals(id, TimeOrderedIds.derived(event, "alert|b-1"), "another instance, another delivery: the same key");
        assertTrue(!id.equals(TimeOrderedIds.derived(event, "alert|b-2")), "another name: another id");
        UUID sameMillisecond = TimeOrderedIds.at(1_764_900_000_123L, new SecureRandom());
        assertEquals(id, TimeOrderedIds.derived(sameMillisecond, "alert|b-1"), "only the event's time counts, not its random bits");
        // An event id of before the time-ordered ones: its row gets the wall clock's millisecond.
        long before = System.currentTimeMillis();
        long made = TimeOrderedIds.derived(UUID.randomUUID(), "alert|b-1").getMostSignificantBits() >>> 16;
        assertTrue(made >= before && made <= System.currentTimeMillis(), "made " + made);
    }
}
