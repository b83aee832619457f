package io.hallwatch.marketing.config;

import io.hallwatch.marketing.domain.recovery.RecoveryGesture;
import jakarta.enterprise.context.ApplicationScoped;

/** The settings that a branch may override, resolved for one branch. */
@ApplicationScoped
public class BranchSettings {

    private final MarketingConfig config;

    BranchSettings(MarketingConfig config) {
        this.config = config;
    }

    public int busyThreshold(String branchId) {
        MarketingConfig.Branch branch = config.branches().get(branchId);
        return branch == null ? config.pitch().busyThreshold()
                : branch.busyThreshold().orElse(config.pitch().busyThreshold());
    }

    public RecoveryGesture recoveryGesture(String branchId) {
        MarketingConfig.Branch branch = config.branches().get(branchId);
        return branch == null ? config.recovery().gesture()
                : branch.recoveryGesture().orElse(config.recovery().gesture());
    }
}
