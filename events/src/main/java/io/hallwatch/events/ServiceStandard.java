package io.hallwatch.events;

import java.util.List;

/**
 * The branches' service standard (domain.md) as the platform applies it: every limit a rule, a
 * screen or a dashboard needs, in seconds. One service owns it (the SLA monitor, which keeps each
 * version with who changed it and why); every other service learns it from
 * {@link StandardChanged} on {@link Topics#STANDARD}. Who wins where several lines match is
 * {@code io.hallwatch.common.standard.StandardResolver}'s one rule.
 *
 * @param defaults      what applies where nothing more specific is set
 * @param branchAverage the branch-level rule: rolling window and the limit of its mean wait
 * @param businessTypes limits per business type (payment 2 min, broadband 10, ...)
 * @param overrides     per branch and/or tier, optionally narrowed to one business type
 */
public record ServiceStandard(Defaults defaults, BranchAverage branchAverage, List<BusinessTypeLimits> businessTypes,
                              List<OverrideRule> overrides) {

    public ServiceStandard {
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
    public record BusinessTypeLimits(String businessType, @Nullable Integer waitLimitSeconds,
                                     Integer handlingLimitSeconds) {
    }

    /**
     * A narrower rule. Selects by {@code branchId} and/or {@code customerTier} (at least one),
     * optionally narrowed to {@code businessType}; sets any of the limits, leaving the others
     * inherited. The branch-average fields apply to a branch as a whole, so only an override that
     * selects a branch and nothing else may set them.
     */
    public record OverrideRule(@Nullable String branchId, @Nullable String businessType,
                               @Nullable CustomerTier customerTier, @Nullable Integer waitLimitSeconds,
                               @Nullable Integer handlingLimitSeconds, @Nullable Double warningFraction,
                               @Nullable Integer averageWindowSeconds, @Nullable Integer averageLimitSeconds) {

        public boolean matches(String branch, String type, CustomerTier tier) {
            return (branchId == null || branchId.equals(branch))
                    && (businessType == null || businessType.equals(type))
                    && (customerTier == null || customerTier == tier);
        }

        /** Branch beats business type beats tier: a branch's own rule is the most specific. */
        public int specificity() {
            return (branchId != null ? 4 : 0) + (businessType != null ? 2 : 0) + (customerTier != null ? 1 : 0);
        }

        public boolean branchOnly() {
            return branchId != null && businessType == null && customerTier == null;
        }
    }
}
