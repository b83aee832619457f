package io.hallwatch.sla.domain.policy;

import io.hallwatch.events.ServiceStandard;

import io.hallwatch.events.CustomerTier;

import java.time.Instant;
import java.util.List;

/** Policy documents for plain tests: the service standard's numbers (domain.md). */
public final class Policies {
    private Policies() {
    }

    public static ServiceStandard standard() {
        return new ServiceStandard(new ServiceStandard.Defaults(900, 600, 0.8), new ServiceStandard.BranchAverage(3600, 900),
                List.of(line("PAYMENT", 120), line("GENERAL", 300), line("NEW_LINE", 480), line("BROADBAND", 600),
                        line("SIM", 300), line("CLOSE_ACCOUNT", 600), line("COMPLAINT", 900), line("CONSULT", 300)),
                List.of());
    }

    /** The standard plus a few exceptions, so that limits differ by type and tier. */
    public static ServiceStandard withExceptions() {
        ServiceStandard s = standard();
        List<ServiceStandard.BusinessTypeLimits> lines = new java.util.ArrayList<>(s.businessTypes());
        lines.replaceAll(l -> l.businessType().equals("COMPLAINT") ? new ServiceStandard.BusinessTypeLimits("COMPLAINT", 1200, 900) : l);
        return new ServiceStandard(s.defaults(), s.branchAverage(), lines, List.of(
                new ServiceStandard.OverrideRule(null, null, CustomerTier.VIP, 600, null, null, null, null),
                new ServiceStandard.OverrideRule(null, "PAYMENT", CustomerTier.VIP, null, 90, 0.5, null, null)));
    }

    public static PolicyHistory history(ServiceStandard doc) {
        return new PolicyHistory(List.of(new PolicyVersion(1, Instant.EPOCH, "test", null, doc, List.of())));
    }

    private static ServiceStandard.BusinessTypeLimits line(String type, int handling) {
        return new ServiceStandard.BusinessTypeLimits(type, null, handling);
    }
}
