package io.hallwatch.sla.domain.policy;

import io.hallwatch.events.CustomerTier;

import java.util.List;

/**
 * The editable content of an SLA policy: what {@code PUT /api/v1/sla-policies} takes and
 * {@code GET} shows. All durations in seconds, as in the SLA events. Fields are boxed so that the
 * validator can name a missing one instead of reading a silent zero.
 *
 * @param defaults      what applies where nothing more specific is set
 * @param branchAverage the branch-level rule: rolling window and the limit of its mean wait
 * @param businessTypes limits per business type (the service standard's numbers live here)
 * @param overrides     per branch and/or tier, optionally narrowed to one business type
 */
public record PolicyDocument(Defaults defaults, BranchAverage branchAverage, List<BusinessTypeLimits> businessTypes,
                             List<OverrideRule> overrides) {

    public PolicyDocument {
        businessTypes = businessTypes == null ? List.of() : List.copyOf(businessTypes);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** For any business type: wait limit (15 min), handling limit of types without their own, warning fraction. */
    public record Defaults(Integer waitLimitSeconds, Integer handlingLimitSeconds, Double warningFraction) {
    }

    /** The branch's rolling mean wait over {@code windowSeconds} must not exceed {@code limitSeconds}. */
    public record BranchAverage(Integer windowSeconds, Integer limitSeconds) {
    }

    /** One business type's limits; a null wait limit means the default one. */
    public record BusinessTypeLimits(String businessType, Integer waitLimitSeconds, Integer handlingLimitSeconds) {
    }

    /**
     * A narrower rule. Selects by {@code branchId} and/or {@code customerTier} (at least one),
     * optionally narrowed to {@code businessType}; sets any of the limits, leaving the others
     * inherited. The branch-average fields apply to a branch as a whole, so only an override that
     * selects a branch and nothing else may set them.
     */
    public record OverrideRule(String branchId, String businessType, CustomerTier customerTier,
                           Integer waitLimitSeconds, Integer handlingLimitSeconds, Double warningFraction,
                           Integer averageWindowSeconds, Integer averageLimitSeconds) {

        boolean matches(String branch, String type, CustomerTier tier) {
            return (branchId == null || branchId.equals(branch))
                    && (businessType == null || businessType.equals(type))
                    && (customerTier == null || customerTier == tier);
        }

        /** Branch beats business type beats tier: a branch's own rule is the most specific. */
        int specificity() {
            return (branchId != null ? 4 : 0) + (businessType != null ? 2 : 0) + (customerTier != null ? 1 : 0);
        }

        boolean branchOnly() {
            return branchId != null && businessType == null && customerTier == null;
        }
    }
}
