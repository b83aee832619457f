package io.hallwatch.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdleBackoffTest {
    private static final Duration FIRST = Duration.ofSeconds(30);

    @Test
    void an_idle_clerk_looks_again_after_30_s_then_twice_as_long_up_to_the_limit_and_from_30_s_after_a_customer() {
        IdleBackoff idle = new IdleBackoff(FIRST, Duration.ofMinutes(2));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(idle.empty().toSeconds());
        }
        assertEquals(List.of(30L, 60L, 120L, 120L, 120L), waits);
        idle.called();
        assertEquals(30, idle.empty().toSeconds());
        assertEquals(60, idle.empty().toSeconds());
    }

    @Test
    void a_limit_of_30_s_is_the_old_fixed_interval() {
        IdleBackoff idle = new IdleBackoff(FIRST, FIRST);
        for (int i = 0; i < 4; i++) {
            assertEquals(FIRST, idle.empty());
        }
        assertEquals(FIRST, new IdleBackoff(FIRST, Duration.ofSeconds(5)).empty());
    }
}
