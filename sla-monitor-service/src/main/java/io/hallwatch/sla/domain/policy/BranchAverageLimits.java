package io.hallwatch.sla.domain.policy;

import java.time.Duration;

/** The branch-level rule for one branch: the mean wait over {@code window} must not exceed {@code limit}. */
public record BranchAverageLimits(int policyVersion, Duration window, Duration limit) {
}
