package io.hallwatch.sla.domain.policy;

import io.hallwatch.events.CustomerTier;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the limits of one ticket or one branch from a policy version. Per field, the first
 * that sets it wins: the most specific matching override (branch beats business type beats tier),
 * then the business type's own line, then the defaults. Overrides beat the business-type table
 * because they are the exceptions a branch or a tier was granted against the standard.
 */
public final class PolicyResolver {
    private PolicyResolver() {
    }

    /**
     * @param waitType    the business type the ticket was issued for
     * @param serviceType the business type being served (null before service: the wait type then)
     */
    public static TicketLimits ticketLimits(PolicyVersion version, String branchId, String waitType, String serviceType,
                                            CustomerTier tier) {
        PolicyDocument doc = version.document();
        String servedType = serviceType != null ? serviceType : waitType;
        int wait = pick(doc, branchId, waitType, tier, PolicyDocument.OverrideRule::waitLimitSeconds)
                .or(() -> typeLine(doc, waitType).map(PolicyDocument.BusinessTypeLimits::waitLimitSeconds))
                .orElse(doc.defaults().waitLimitSeconds());
        double waitFraction = pick(doc, branchId, waitType, tier, PolicyDocument.OverrideRule::warningFraction)
                .orElse(doc.defaults().warningFraction());
        int handling = pick(doc, branchId, servedType, tier, PolicyDocument.OverrideRule::handlingLimitSeconds)
                .or(() -> typeLine(doc, servedType).map(PolicyDocument.BusinessTypeLimits::handlingLimitSeconds))
                .orElse(doc.defaults().handlingLimitSeconds());
        double handlingFraction = pick(doc, branchId, servedType, tier, PolicyDocument.OverrideRule::warningFraction)
                .orElse(doc.defaults().warningFraction());
        return new TicketLimits(version.version(), Duration.ofSeconds(wait), waitFraction,
                Duration.ofSeconds(handling), handlingFraction);
    }

    public static BranchAverageLimits branchAverage(PolicyVersion version, String branchId) {
        PolicyDocument doc = version.document();
        Optional<PolicyDocument.OverrideRule> own = doc.overrides().stream()
                .filter(o -> o.branchOnly() && o.branchId().equals(branchId)).findFirst();
        int window = own.map(PolicyDocument.OverrideRule::averageWindowSeconds).orElse(doc.branchAverage().windowSeconds());
        int limit = own.map(PolicyDocument.OverrideRule::averageLimitSeconds).orElse(doc.branchAverage().limitSeconds());
        return new BranchAverageLimits(version.version(), Duration.ofSeconds(window), Duration.ofSeconds(limit));
    }

    /** The widest branch-average window of any branch: how far back a branch's waits can still count. */
    public static Duration widestAverageWindow(PolicyVersion version) {
        PolicyDocument doc = version.document();
        int widest = doc.branchAverage().windowSeconds();
        for (PolicyDocument.OverrideRule o : doc.overrides()) {
            if (o.averageWindowSeconds() != null) {
                widest = Math.max(widest, o.averageWindowSeconds());
            }
        }
        return Duration.ofSeconds(widest);
    }

    private static <T> Optional<T> pick(PolicyDocument doc, String branch, String type, CustomerTier tier,
                                        Function<PolicyDocument.OverrideRule, T> field) {
        return doc.overrides().stream()
                .filter(o -> o.matches(branch, type, tier))
                .filter(o -> field.apply(o) != null)
                .max(Comparator.comparingInt(PolicyDocument.OverrideRule::specificity))
                .map(field);
    }

    private static Optional<PolicyDocument.BusinessTypeLimits> typeLine(PolicyDocument doc, String type) {
        return doc.businessTypes().stream().filter(l -> Objects.equals(l.businessType(), type)).findFirst();
    }
}
