package io.hallwatch.queue.domain.forecast;

import io.hallwatch.queue.domain.forecast.BreachAdvice.NearbyBranch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreachAdviceTest {
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private static NearbyBranch near(String id, int estimate, int travel) {
        return new NearbyBranch(id, id, Duration.ofMinutes(estimate), Duration.ofMinutes(travel));
    }

    @Test
    void within_the_limit_nothing_is_advised() {
        assertTrue(BreachAdvice.of("PAYMENT", Duration.ofMinutes(15), LIMIT, List.of(near("B", 0, 1))).isEmpty());
    }

    @Test
    void past_the_limit_the_other_channels_and_the_branches_ten_minutes_sooner_travel_included() {
        // 40 minutes here. B: 5 + 12 = 17 (23 sooner); C: 20 + 11 = 31 (9 sooner: not offered); D: 2 + 28 = 30 (10 sooner).
        BreachAdvice a = BreachAdvice.of("PAYMENT", Duration.ofMinutes(40), LIMIT,
                List.of(near("C", 20, 11), near("D", 2, 28), near("B", 5, 12))).orElseThrow();
        assertEquals(List.of("B", "D"), a.nearbyBranches().stream().map(NearbyBranch::branchId).toList());
        assertEquals(List.of("SELF_SERVICE_MACHINE", "ONLINE_HALL", "BRANCH:B", "BRANCH:D"), a.codes());
    }

    @Test
    void business_only_a_counter_can_do_gets_no_channel_but_may_get_a_branch() {
        BreachAdvice a = BreachAdvice.of("NEW_LINE", Duration.ofMinutes(30), LIMIT, List.of(near("B", 3, 10))).orElseThrow();
        assertEquals(List.of("BRANCH:B"), a.codes());
        BreachAdvice none = BreachAdvice.of("SIM", Duration.ofMinutes(30), LIMIT, List.of()).orElseThrow();
        assertEquals(List.of(), none.codes());
    }
}
