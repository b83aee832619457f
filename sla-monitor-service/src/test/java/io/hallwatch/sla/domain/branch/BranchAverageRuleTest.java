package io.hallwatch.sla.domain.branch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.hallwatch.sla.domain.branch.BranchAverageRule.Decision.CLEAR;
import static io.hallwatch.sla.domain.branch.BranchAverageRule.Decision.KEEP;
import static io.hallwatch.sla.domain.branch.BranchAverageRule.Decision.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BranchAverageRuleTest {
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private static RollingAverage mean(long waits, Duration mean) {
        return new RollingAverage(waits, mean);
    }

    @Test
    void over_the_limit_opens_and_back_to_it_clears() {
        assertEquals(OPEN, BranchAverageRule.decide(false, mean(3, LIMIT.plusSeconds(1)), LIMIT));
        assertEquals(KEEP, BranchAverageRule.decide(true, mean(3, LIMIT.plusSeconds(1)), LIMIT));
        assertEquals(CLEAR, BranchAverageRule.decide(true, mean(3, LIMIT), LIMIT), "exactly 15 minutes does not exceed the standard");
        assertEquals(KEEP, BranchAverageRule.decide(false, mean(3, LIMIT), LIMIT));
        assertEquals(CLEAR, BranchAverageRule.decide(true, RollingAverage.NONE, LIMIT), "an empty hall has no waits over anything");
        assertEquals(KEEP, BranchAverageRule.decide(false, RollingAverage.NONE, LIMIT));
    }
}
