package io.hallwatch.simulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepsTest {

    @Test
    void ticks_due_while_the_workers_are_behind_do_not_pile_up_one_waits_and_the_rest_are_skipped() {
        AtomicInteger ticks = new AtomicInteger();
        Steps.OnePending tick = new Steps.OnePending(ticks::incrementAndGet);
        List<Runnable> workerQueue = new ArrayList<>(); // workers that have no time: nothing runs until the test says so

        assertTrue(tick.offer(workerQueue::add));
        for (int i = 0; i < 1000; i++) {
            assertFalse(tick.offer(workerQueue::add));
        }
        assertEquals(1, workerQueue.size());

        workerQueue.remove(0).run();
        assertEquals(1, ticks.get());
        assertTrue(tick.offer(workerQueue::add), "once it ran, the next tick goes to the workers again");
        assertEquals(1, workerQueue.size());
    }

    @Test
    void a_tick_that_throws_does_not_stop_the_later_ones() {
        Steps.OnePending tick = new Steps.OnePending(() -> {
            throw new IllegalStateException("bad answer");
        });
        List<Runnable> workerQueue = new ArrayList<>();
        tick.offer(workerQueue::add);
        assertThrows(IllegalStateException.class, () -> workerQueue.remove(0).run());
        assertTrue(tick.offer(workerQueue::add));
    }
}
