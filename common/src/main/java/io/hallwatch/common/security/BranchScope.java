package io.hallwatch.common.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The branches a token may see, from its {@code branches} claim: a list of branch ids, or
 * {@code "*"} for every branch (admin, service and regional manager tokens). A token without the
 * claim sees no branch at all, so forgetting it fails closed.
 */
public final class BranchScope {
    public static final String CLAIM = "branches";
    public static final String EVERY_BRANCH = "*";
    private static final BranchScope NONE = new BranchScope(false, Set.of());

    private final boolean everyBranch;
    private final Set<String> branches;

    private BranchScope(boolean everyBranch, Set<String> branches) {
        this.everyBranch = everyBranch;
        this.branches = branches;
    }

    public static BranchScope none() {
        return NONE;
    }

    public static BranchScope of(Collection<String> claim) {
        if (claim == null || claim.isEmpty()) {
            return NONE;
        }
        if (claim.contains(EVERY_BRANCH)) {
            return new BranchScope(true, Set.of());
        }
        Set<String> ids = new TreeSet<>();
        claim.stream().filter(b -> b != null && !b.isBlank()).forEach(ids::add);
        return new BranchScope(false, Set.copyOf(ids));
    }

    public boolean covers(String branchId) {
        return branchId != null && (everyBranch || branches.contains(branchId));
    }

    public boolean everyBranch() {
        return everyBranch;
    }

    /** The named branches; empty for an every-branch scope (check {@link #everyBranch()} first). */
    public Set<String> branches() {
        return branches;
    }

    @Override
    public String toString() {
        return everyBranch ? "[*]" : branches.toString();
    }
}
