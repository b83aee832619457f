package io.hallwatch.web.domain.signin;

import java.util.List;
import java.util.Set;

/** The signed-in person as the token says: who, in which roles, for which branches ({@code "*"}: all). */
public record Viewer(String subject, Set<String> roles, List<String> branches) {
    public static final String EVERY_BRANCH = "*";

    public Viewer {
        roles = Set.copyOf(roles);
        branches = List.copyOf(branches);
    }

    public boolean covers(String branchId) {
        return branches.contains(EVERY_BRANCH) || branches.contains(branchId);
    }

    public boolean hasAny(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** The first named branch, for the links of the start page; null for an every-branch token without one. */
    public String firstBranch() {
        return branches.stream().filter(b -> !b.equals(EVERY_BRANCH)).findFirst().orElse(null);
    }
}
