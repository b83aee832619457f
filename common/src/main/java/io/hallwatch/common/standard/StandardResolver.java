package io.hallwatch.common.standard;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.events.StandardChanged;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which limit applies, the one rule every service uses (the monitor for its deadlines, the queue for
 * its at-risk order and estimates, the counter for its over-limit prompt). Per field, the first that
 * sets it wins: the most specific matching override (branch beats business type beats tier), then the
 * business type's own line, then the defaults. Overrides beat the business-type table because they are
 * the exceptions a branch or a tier was granted against the standard.
 */
public final class StandardResolver {
    private StandardResolver() {
    }

    /**
     * @param waitType    the business type the ticket was issued for
     * @param serviceType the business type being served (null before service: the wait type then)
     */
    public static StandardLimits ticketLimits(StandardChanged version, String branchId, String waitType,
                                              String serviceType, CustomerTier tier) {
        return ticketLimits(version.version(), version.standard(), branchId, waitType, serviceType, tier);
    }

    /** As {@link #ticketLimits(StandardChanged, String, String, String, CustomerTier)}, for version {@code version} of {@code doc}. */
    public static StandardLimits ticketLimits(int version, ServiceStandard doc, String branchId, String waitType,
                                              String serviceType, CustomerTier tier) {
        String servedType = serviceType != null ? serviceType : waitType;
        int wait = pick(doc, branchId, waitType, tier, ServiceStandard.OverrideRule::waitLimitSeconds)
                .or(() -> typeLine(doc, waitType).map(ServiceStandard.BusinessTypeLimits::waitLimitSeconds))
                .orElse(doc.defaults().waitLimitSeconds());
        double waitFraction = pick(doc, branchId, waitType, tier, ServiceStandard.OverrideRule::warningFraction)
                .orElse(doc.defaults().warningFraction());
        int handling = pick(doc, branchId, servedType, tier, ServiceStandard.OverrideRule::handlingLimitSeconds)
                .or(() -> typeLine(doc, servedType).map(ServiceStandard.BusinessTypeLimits::handlingLimitSeconds))
                .orElse(doc.defaults().handlingLimitSeconds());
        double handlingFraction = pick(doc, branchId, servedType, tier, ServiceStandard.OverrideRule::warningFraction)
                .orElse(doc.defaults().warningFraction());
        return new StandardLimits(version, Duration.ofSeconds(wait), waitFraction,
                Duration.ofSeconds(handling), handlingFraction);
    }

    /** The handling limit of a business type served at a branch to a tier. */
    public static Duration handlingLimit(StandardChanged version, String branchId, String businessType, CustomerTier tier) {
        return ticketLimits(version, branchId, businessType, businessType, tier).handlingLimit();
    }

    /** The wait limit of a ticket of a business type at a branch for a tier. */
    public static Duration waitLimit(StandardChanged version, String branchId, String businessType, CustomerTier tier) {
        return ticketLimits(version, branchId, businessType, null, tier).waitLimit();
    }

    public static BranchAverageLimits branchAverage(StandardChanged version, String branchId) {
        return branchAverage(version.version(), version.standard(), branchId);
    }

    /** As {@link #branchAverage(StandardChanged, String)}, for version {@code version} of {@code doc}. */
    public static BranchAverageLimits branchAverage(int version, ServiceStandard doc, String branchId) {
        Optional<ServiceStandard.OverrideRule> own = doc.overrides().stream()
                .filter(o -> o.branchOnly() && o.branchId().equals(branchId)).findFirst();
        int window = own.map(ServiceStandard.OverrideRule::averageWindowSeconds).orElse(doc.branchAverage().windowSeconds());
        int limit = own.map(ServiceStandard.OverrideRule::averageLimitSeconds).orElse(doc.branchAverage().limitSeconds());
        return new BranchAverageLimits(version, Duration.ofSeconds(window), Duration.ofSeconds(limit));
    }

    private static <T> Optional<T> pick(ServiceStandard doc, String branch, String type, CustomerTier tier,
                                        Function<ServiceStandard.OverrideRule, T> field) {
        return doc.overrides().stream()
                .filter(o -> o.matches(branch, type, tier))
                .filter(o -> field.apply(o) != null)
                .max(Comparator.comparingInt(ServiceStandard.OverrideRule::specificity))
                .map(field);
    }

    private static Optional<ServiceStandard.BusinessTypeLimits> typeLine(ServiceStandard doc, String type) {
        return doc.businessTypes().stream().filter(l -> Objects.equals(l.businessType(), type)).findFirst();
    }
}
