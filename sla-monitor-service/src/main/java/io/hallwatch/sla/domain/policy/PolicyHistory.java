package io.hallwatch.sla.domain.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Every version of the policy, oldest first: which one applies to a ticket issued at a given moment. */
public final class PolicyHistory {
    private final List<PolicyVersion> versions;

    public PolicyHistory(List<PolicyVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("There is always at least the initial policy version");
        }
        this.versions = versions.stream().sorted(Comparator.comparingInt(PolicyVersion::version)).toList();
    }

    public PolicyVersion current() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The version in force at {@code moment}: the newest one effective at or before it. A moment
     * before the first version (an event stamped by a clock far behind) gets the first version.
     */
    public PolicyVersion at(Instant moment) {
        PolicyVersion found = versions.get(0);
        for (PolicyVersion v : versions) {
            if (!v.effectiveFrom().isAfter(moment)) {
                found = v;
            }
        }
        return found;
    }

    public List<PolicyVersion> versions() {
        return versions;
    }
}
