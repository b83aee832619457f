package io.hallwatch.sla.domain.detection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatermarkBookTest {
    private static final Instant T = Instant.parse("2026-11-24T02:15:00Z");
    private static final WatermarkBook.BranchPartitions BRANCH = new WatermarkBook.BranchPartitions(1, 0);

    private static WatermarkBook book() {
        return new WatermarkBook(new WatermarkBook.Input("tickets", List.of("queue-service")),
                new WatermarkBook.Input("services", List.of("counter-service")), 100);
    }

    @Test
    void a_deadline_waits_until_every_producer_has_promised_it() {
        WatermarkBook book = book();
        assertEquals(List.of("queue-service", "counter-service"), book.judge(T, BRANCH).waitingFor());
        book.record("counter-service", "services", T.plusSeconds(1), List.of(7L, 9L));
        book.record("queue-service", "tickets", T.minusMillis(1), List.of(3L, 4L));
        WatermarkBook.Judgement stalled = book.judge(T, BRANCH);
        assertFalse(stalled.ready());
        assertEquals(List.of("queue-service"), stalled.waitingFor(), "the queue's relay has not promised 15:00 yet");

        book.record("queue-service", "tickets", T, List.of(5L, 6L));
        WatermarkBook.Judgement judged = book.judge(T, BRANCH);
        assertTrue(judged.ready());
        assertEquals(new PartitionFence(6, 7), judged.fence(), "the branch's partitions of the first promises at or past the deadline");
    }

    @Test
    void the_earliest_promise_past_a_deadline_is_its_fence_and_the_oldest_are_forgotten_beyond_the_kept_number() {
        WatermarkBook book = new WatermarkBook(new WatermarkBook.Input("tickets", List.of("queue-service")),
                new WatermarkBook.Input("services", List.of()), 2);
        book.record("queue-service", "tickets", T.plusSeconds(1), List.of(0L, 10L));
        book.record("queue-service", "tickets", T.plusSeconds(2), List.of(0L, 20L));
        assertEquals(new PartitionFence(10, 0), book.judge(T, BRANCH).fence());
        book.record("queue-service", "tickets", T.plusSeconds(3), List.of(0L, 30L));
        assertEquals(new PartitionFence(20, 0), book.judge(T, BRANCH).fence(), "a later promise only makes the fence cautious");
    }

    @Test
    void a_producer_that_starts_over_behind_its_last_promise_is_trusted_only_from_its_new_one() {
        WatermarkBook book = book();
        book.record("counter-service", "services", T.plusSeconds(60), List.of(1L, 1L));
        book.record("queue-service", "tickets", T.plusSeconds(60), List.of(1L, 1L));
        book.record("queue-service", "tickets", T.minusSeconds(60), List.of(8L, 8L)); // the clock was set back
        assertFalse(book.judge(T, BRANCH).ready(), "the promise of 15:01 from before the restart no longer counts");
        book.record("queue-service", "tickets", T, List.of(9L, 9L));
        assertEquals(new PartitionFence(9, 1), book.judge(T, BRANCH).fence());
        book.record("queue-service", "tickets", T, List.of(12L, 12L));
        assertEquals(new PartitionFence(12, 1), book.judge(T, BRANCH).fence(), "the same promise again keeps the newer offsets");
    }

    @Test
    void promises_from_producers_or_topics_the_monitor_does_not_wait_for_are_ignored() {
        WatermarkBook book = book();
        book.record("bench", "tickets", T, List.of(1L, 1L));
        book.record("queue-service", "services", T, List.of(1L, 1L));
        assertEquals(Map.of("queue-service", Optional.empty(), "counter-service", Optional.empty()), book.newest());
    }

    @Test
    void the_inputs_are_complete_up_to_the_newest_promise_the_monitor_has_applied_on_every_partition() {
        WatermarkBook book = book();
        book.record("queue-service", "tickets", T, List.of(5L, 5L));
        book.record("queue-service", "tickets", T.plusSeconds(10), List.of(9L, 5L));
        book.record("counter-service", "services", T.plusSeconds(20), List.of(2L, 2L));
        assertEquals(Optional.empty(), book.completeThrough(List.of(new long[]{4, 5}, new long[]{2, 2})), "tickets partition 0 not applied");
        assertEquals(Optional.of(T), book.completeThrough(List.of(new long[]{5, 5}, new long[]{2, 2})));
        assertEquals(Optional.of(T.plusSeconds(10)), book.completeThrough(List.of(new long[]{9, 5}, new long[]{2, 2})),
                "the earliest over the producers");
    }
}
