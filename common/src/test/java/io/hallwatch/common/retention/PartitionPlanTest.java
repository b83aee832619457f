package io.hallwatch.common.retention;

import io.hallwatch.events.TimeOrderedIds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which days a table keeps and where an id's day begins, without a database. */
class PartitionPlanTest {
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");

    @Test
    void a_time_ordered_id_lies_within_its_days_bounds() {
        UUID id = TimeOrderedIds.next();
        LocalDate day = IdDays.dayOf(id);
        assertTrue(IdDays.lowestAt(IdDays.start(day)).compareTo(id) <= 0);
        assertTrue(id.compareTo(IdDays.lowestAt(IdDays.start(day.plusDays(1)))) < 0);
        // PostgreSQL compares UUIDs byte by byte; Java's compareTo is signed, so compare the text as well.
        assertTrue(IdDays.lowestAt(IdDays.start(day)).toString().compareTo(id.toString()) <= 0);
        assertEquals("019099f0-9800-0000-0000-000000000000", IdDays.lowestAt(Instant.parse("2024-07-10T00:00:00Z")).toString());
    }

    @Test
    void partition_names_carry_their_day_and_nothing_else_is_read_as_one() {
        assertEquals("outbox_event_p20261206", IdDays.partition("outbox_event", LocalDate.of(2026, 12, 6)));
        assertEquals(LocalDate.of(2026, 12, 6), IdDays.dayOfPartition("outbox_event", "outbox_event_p20261206"));
        assertNull(IdDays.dayOfPartition("outbox_event", "outbox_event_default"));
        assertNull(IdDays.dayOfPartition("outbox_event", "outbox_event_p2026120"));
        assertNull(IdDays.dayOfPartition("outbox_event", "processed_event_p20261206"));
    }

    @Test
    void today_and_the_days_ahead_are_created_and_only_days_wholly_past_retention_are_dropped() {
        PartitionPlan plan = new PartitionPlan(Duration.ofDays(14), 3);
        List<LocalDate> existing = List.of(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 7));
        PartitionPlan.Changes changes = plan.at(NOW, existing);
        assertEquals(List.of(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9)), changes.create());
        // 14 days before 15:00 on the 6th is 15:00 on the 22nd: the 21st has ended by then, the 22nd not.
        assertEquals(List.of(LocalDate.of(2026, 11, 21)), changes.drop());
        assertTrue(plan.at(Instant.parse("2026-12-07T00:00:00Z"), existing).drop().contains(LocalDate.of(2026, 11, 22)),
                "at midnight the 22nd ended 14 days ago");
        assertThrows(IllegalArgumentException.class, () -> new PartitionPlan(Duration.ofHours(23), 3));
        assertThrows(IllegalArgumentException.class, () -> new PartitionPlan(Duration.ofDays(1), 0));
    }
}
