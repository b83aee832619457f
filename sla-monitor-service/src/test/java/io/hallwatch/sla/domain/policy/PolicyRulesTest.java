package io.hallwatch.sla.domain.policy;

import io.hallwatch.common.standard.StandardLimits;
import io.hallwatch.common.standard.BranchAverageLimits;

import io.hallwatch.events.ServiceStandard;

import io.hallwatch.events.CustomerTier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyRulesTest {
    private static final PolicyVersion STANDARD = new PolicyVersion(1, Instant.EPOCH, "system", null, Policies.standard(), List.of());

    @Test
    void the_standard_gives_15_minutes_of_wait_to_everyone_and_the_domain_handling_limits() {
        assertEquals(Duration.ofMinutes(15), PolicyResolver.ticketLimits(STANDARD, "B1", "PAYMENT", null, CustomerTier.NORMAL).waitLimit());
        assertEquals(Duration.ofMinutes(2), PolicyResolver.ticketLimits(STANDARD, "B1", "PAYMENT", "PAYMENT", CustomerTier.NORMAL).handlingLimit());
        assertEquals(Duration.ofMinutes(5), PolicyResolver.ticketLimits(STANDARD, "B1", "GENERAL", "GENERAL", CustomerTier.NORMAL).handlingLimit());
        assertEquals(Duration.ofMinutes(8), PolicyResolver.ticketLimits(STANDARD, "B1", "NEW_LINE", "NEW_LINE", CustomerTier.NORMAL).handlingLimit());
        assertEquals(Duration.ofMinutes(10), PolicyResolver.ticketLimits(STANDARD, "B1", "BROADBAND", "BROADBAND", CustomerTier.VIP).handlingLimit());
        assertEquals(Duration.ofMinutes(10), PolicyResolver.ticketLimits(STANDARD, "B1", "UNKNOWN_TYPE", null, CustomerTier.NORMAL).handlingLimit());
        StandardLimits payment = PolicyResolver.ticketLimits(STANDARD, "B1", "PAYMENT", "PAYMENT", CustomerTier.NORMAL);
        assertEquals(Duration.ofMinutes(12), payment.waitWarningAfter());
        assertEquals(Duration.ofSeconds(96), payment.handlingWarningAfter());
        BranchAverageLimits average = PolicyResolver.branchAverage(STANDARD, "B1");
        assertEquals(Duration.ofMinutes(60), average.window());
        assertEquals(Duration.ofMinutes(15), average.limit());
    }

    @Test
    void the_most_specific_override_wins_field_by_field_and_handling_follows_the_type_served() {
        ServiceStandard s = Policies.standard();
        ServiceStandard doc = new ServiceStandard(s.defaults(), s.branchAverage(), s.businessTypes(), List.of(
                new ServiceStandard.OverrideRule(null, null, CustomerTier.VIP, 600, null, 0.5, null, null),
                new ServiceStandard.OverrideRule("B1", null, null, 1200, null, null, 7200, 1200),
                new ServiceStandard.OverrideRule("B1", "PAYMENT", CustomerTier.VIP, 300, 60, null, null, null)));
        PolicyVersion v = new PolicyVersion(2, Instant.EPOCH, "mgr", null, doc, List.of());
        assertEquals(Duration.ofMinutes(10), PolicyResolver.ticketLimits(v, "B2", "GENERAL", null, CustomerTier.VIP).waitLimit());
        assertEquals(0.5, PolicyResolver.ticketLimits(v, "B2", "GENERAL", null, CustomerTier.VIP).waitWarningFraction());
        assertEquals(Duration.ofMinutes(20), PolicyResolver.ticketLimits(v, "B1", "GENERAL", null, CustomerTier.VIP).waitLimit());
        StandardLimits vipPayment = PolicyResolver.ticketLimits(v, "B1", "PAYMENT", "PAYMENT", CustomerTier.VIP);
        assertEquals(Duration.ofMinutes(5), vipPayment.waitLimit());
        assertEquals(Duration.ofMinutes(1), vipPayment.handlingLimit());
        assertEquals(0.5, vipPayment.handlingWarningFraction());
        assertEquals(Duration.ofMinutes(2), PolicyResolver.ticketLimits(v, "B1", "PAYMENT", "PAYMENT", CustomerTier.NORMAL).handlingLimit());
        assertEquals(Duration.ofMinutes(8), PolicyResolver.ticketLimits(v, "B1", "PAYMENT", "NEW_LINE", CustomerTier.NORMAL).handlingLimit());
        assertEquals(new BranchAverageLimits(2, Duration.ofHours(2), Duration.ofMinutes(20)), PolicyResolver.branchAverage(v, "B1"));
        assertEquals(new BranchAverageLimits(2, Duration.ofHours(1), Duration.ofMinutes(15)), PolicyResolver.branchAverage(v, "B2"));
    }

    @Test
    void a_change_applies_to_tickets_issued_from_its_moment_on() {
        Instant change = Instant.parse("2026-11-24T03:00:00Z");
        PolicyHistory history = new PolicyHistory(List.of(
                new PolicyVersion(2, change, "mgr", "pilot", Policies.withExceptions(), List.of()), STANDARD));
        assertEquals(1, history.at(change.minusMillis(1)).version());
        assertEquals(2, history.at(change).version());
        assertEquals(2, history.current().version());
        assertEquals(1, history.at(Instant.EPOCH.minusSeconds(1)).version());
    }

    @Test
    void the_standard_document_is_valid() {
        assertEquals(List.of(), PolicyValidator.problems(Policies.standard()));
        assertEquals(List.of(), PolicyValidator.problems(Policies.withExceptions()));
    }

    @Test
    void every_invalid_value_is_named_at_once() {
        ServiceStandard bad = new ServiceStandard(new ServiceStandard.Defaults(0, null, 1.0), new ServiceStandard.BranchAverage(30, 900),
                List.of(new ServiceStandard.BusinessTypeLimits("PAYMENT", null, 120), new ServiceStandard.BusinessTypeLimits("PAYMENT", 10, -1),
                        new ServiceStandard.BusinessTypeLimits("pay ment", null, 120)),
                List.of(new ServiceStandard.OverrideRule(null, "PAYMENT", null, 60, null, null, null, null),
                        new ServiceStandard.OverrideRule("B1", "PAYMENT", null, null, null, null, 3600, null),
                        new ServiceStandard.OverrideRule("B 1", null, null, null, null, null, null, null),
                        new ServiceStandard.OverrideRule("B2", null, null, 60, null, null, null, null),
                        new ServiceStandard.OverrideRule("B2", null, null, 90, null, null, null, null)));
        List<String> problems = PolicyValidator.problems(bad);
        List<String> expectedPrefixes = List.of("defaults.waitLimitSeconds", "defaults.handlingLimitSeconds: required",
                "defaults.warningFraction", "branchAverage.windowSeconds", "businessTypes[1].businessType: PAYMENT appears twice",
                "businessTypes[1].handlingLimitSeconds", "businessTypes[2].businessType", "overrides[0]: must select",
                "overrides[1]: the branch average", "overrides[2].branchId", "overrides[2]: sets nothing", "overrides[4]: another override");
        for (String prefix : expectedPrefixes) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(prefix)), prefix + " not in " + problems);
        }
        assertEquals(expectedPrefixes.size(), problems.size(), problems.toString());
        assertEquals(List.of("body: a policy document is required"), PolicyValidator.problems(null));
    }

    @Test
    void the_audit_lists_what_a_version_changed() {
        ServiceStandard s = Policies.standard();
        List<ServiceStandard.BusinessTypeLimits> lines = new java.util.ArrayList<>(s.businessTypes());
        lines.set(0, new ServiceStandard.BusinessTypeLimits("PAYMENT", null, 150));
        ServiceStandard changed = new ServiceStandard(s.defaults(), s.branchAverage(), lines,
                List.of(new ServiceStandard.OverrideRule("B1", null, CustomerTier.VIP, 600, null, null, null, null)));
        assertEquals(List.of("businessTypes[PAYMENT].handlingLimitSeconds: 120 -> 150",
                        "overrides[branch=B1,type=*,tier=VIP].waitLimitSeconds: set to 600"),
                PolicyDiff.between(s, changed));
    }
}
