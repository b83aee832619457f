package io.hallwatch.sla.store.retention;

import io.hallwatch.common.retention.IdDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveIdsTest {

    private static String id(String at, long rest) {
        UUID lowest = IdDays.lowestAt(Instant.parse(at));
        // Version 7, variant 2, as the queue's ids.
        return new UUID(lowest.getMostSignificantBits() | 0x7000 | (rest & 0xfff), 0x8000_0000_0000_0000L | rest).toString();
    }

    @Test
    void a_batch_is_bounded_by_its_ids_whole_days_so_every_batch_of_a_day_reads_the_same_statement() {
        String morning = id("2026-12-05T08:00:00Z", 1);
        String night = id("2026-12-07T23:00:00Z", 2);
        String expected = "t.ticket_id >= '" + IdDays.lowestAt(IdDays.start(LocalDate.of(2026, 12, 5)))
                + "' AND t.ticket_id < '" + IdDays.lowestAt(IdDays.start(LocalDate.of(2026, 12, 8))) + "'";
        assertEquals(expected, LiveIds.daysOf("t.ticket_id", List.of(night, morning)));
        assertEquals(expected, LiveIds.daysOf("t.ticket_id", List.of(id("2026-12-05T00:00:00Z", 3), id("2026-12-07T23:59:59Z", 4))));
    }

    @Test
    void an_id_that_is_not_time_ordered_lives_in_the_default_partition_so_the_batch_is_not_bounded() {
        assertEquals("TRUE", LiveIds.daysOf("ticket_id", List.of(id("2026-12-05T08:00:00Z", 1), "T-42")));
        assertEquals("TRUE", LiveIds.daysOf("ticket_id", List.of(id("2026-12-05T08:00:00Z", 1).toUpperCase())));
        assertEquals("TRUE", LiveIds.daysOf("ticket_id", List.of()));
    }
}
