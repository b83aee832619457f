package io.hallwatch.sla.domain.policy;

import io.hallwatch.events.ServiceStandard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    /** One version by its number. */
    public Optional<PolicyVersion> version(int version) {
        return versions.stream().filter(p -> p.version() == version).findFirst();
    }

    /**
     * The version that {@code document} makes of the current one: the next number, in force from
     * {@code at} (never before the current version, so that the history stays in order), with what
     * it changed line by line.
     */
    public PolicyVersion next(ServiceStandard document, String changedBy, String reason, Instant at) {
        PolicyVersion current = current();
        return new PolicyVersion(current.version() + 1,
                at.isBefore(current.effectiveFrom()) ? current.effectiveFrom() : at,
                changedBy, reason, document, PolicyDiff.between(current.document(), document));
    }
}
