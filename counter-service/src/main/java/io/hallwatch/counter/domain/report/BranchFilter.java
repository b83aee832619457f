package io.hallwatch.counter.domain.report;

import java.util.Collection;
import java.util.Set;

/** Whose records a report counts: every branch's, or only those of the caller's branches. */
public record BranchFilter(boolean everyBranch, Set<String> branches) {
    public static final BranchFilter EVERY_BRANCH = new BranchFilter(true, Set.of());

    public BranchFilter {
        branches = Set.copyOf(branches);
        if (!everyBranch && branches.isEmpty()) {
            throw new IllegalArgumentException("A report counts at least one branch");
        }
    }

    public static BranchFilter only(Collection<String> branches) {
        return new BranchFilter(false, Set.copyOf(branches));
    }
}
