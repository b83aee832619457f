package io.hallwatch.common.standard;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.events.ServiceStandard.OverrideRule;
import io.hallwatch.events.StandardChanged;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StandardResolverTest {

    private static final StandardChanged STANDARD = new StandardChanged(4, Instant.EPOCH, "admin", null,
            new ServiceStandard(new ServiceStandard.Defaults(900, 600, 0.8), new ServiceStandard.BranchAverage(3600, 900),
                    List.of(new ServiceStandard.BusinessTypeLimits("PAYMENT", null, 120),
                            new ServiceStandard.BusinessTypeLimits("COMPLAINT", 1200, 900)),
                    List.of(new OverrideRule("SZ", null, null, null, null, null, 1800, 600),
                            new OverrideRule(null, "PAYMENT", CustomerTier.VIP, 300, 180, 0.5, null, null),
                            new OverrideRule("SZ", "PAYMENT", null, null, 150, null, null, null))),
            List.of());

    @Test
    void a_business_types_own_line_beats_the_defaults() {
        StandardLimits limits = StandardResolver.ticketLimits(STANDARD, "GZ", "PAYMENT", null, CustomerTier.NORMAL);
        assertEquals(new StandardLimits(4, Duration.ofMinutes(15), 0.8, Duration.ofMinutes(2), 0.8), limits);
        assertEquals(Duration.ofMinutes(20), StandardResolver.waitLimit(STANDARD, "GZ", "COMPLAINT", CustomerTier.NORMAL));
        assertEquals(Duration.ofMinutes(10), StandardResolver.handlingLimit(STANDARD, "GZ", "SIM", CustomerTier.NORMAL));
    }

    @Test
    void the_branchs_override_beats_the_tiers_and_the_tiers_beats_the_type_line() {
        assertEquals(Duration.ofSeconds(150), StandardResolver.handlingLimit(STANDARD, "SZ", "PAYMENT", CustomerTier.VIP));
        assertEquals(Duration.ofSeconds(180), StandardResolver.handlingLimit(STANDARD, "GZ", "PAYMENT", CustomerTier.VIP));
        StandardLimits vip = StandardResolver.ticketLimits(STANDARD, "GZ", "PAYMENT", null, CustomerTier.VIP);
        assertEquals(Duration.ofMinutes(5), vip.waitLimit());
        assertEquals(Duration.ofSeconds(150), vip.waitWarningAfter());
    }

    @Test
    void the_handling_is_judged_for_the_type_served_and_the_wait_for_the_type_issued() {
        StandardLimits limits = StandardResolver.ticketLimits(STANDARD, "GZ", "COMPLAINT", "PAYMENT", CustomerTier.NORMAL);
        assertEquals(Duration.ofMinutes(20), limits.waitLimit());
        assertEquals(Duration.ofMinutes(2), limits.handlingLimit());
    }

    @Test
    void only_a_branch_only_override_changes_the_branch_average() {
        assertEquals(new BranchAverageLimits(4, Duration.ofMinutes(30), Duration.ofMinutes(10)),
                StandardResolver.branchAverage(STANDARD, "SZ"));
        assertEquals(new BranchAverageLimits(4, Duration.ofHours(1), Duration.ofMinutes(15)),
                StandardResolver.branchAverage(STANDARD, "GZ"));
    }
}
