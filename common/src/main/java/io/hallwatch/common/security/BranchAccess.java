package io.hallwatch.common.security;

import io.hallwatch.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one branch check every resource uses. A path or query parameter named {@code branchId} is
 * checked before the resource runs ({@link BranchScopeFilter}); a resource whose branch is only
 * known after loading (a ticket, an alert, a campaign) calls {@link #check} with the loaded branch
 * before it answers anything. Out of scope is always 403, never data and never 404, so the answer
 * is the same whether or not the thing exists in the other branch.
 */
@ApplicationScoped
public class BranchAccess {

    private final SecurityIdentity identity;

    BranchAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public BranchScope scope() {
        return BranchClaims.scopeOf(identity);
    }

    /** Refuses (403) a branch outside the caller's scope. */
    public void check(String branchId) {
        if (!scope().covers(branchId)) {
            throw new BranchForbiddenException();
        }
    }

    /**
     * For a list that may filter by branch: the branch to filter by. A caller scoped to some
     * branches must name one of them (400 when it names none), so a list never mixes in other
     * branches; an every-branch caller may leave it out (null: all branches).
     */
    public String branchFilter(String branchId) {
        if (branchId != null && !branchId.isEmpty()) {
            check(branchId);
            return branchId;
        }
        if (!scope().everyBranch()) {
            throw ProblemException.badRequest("branch-required",
                    "Name the branch (branchId): this token is limited to some branches");
        }
        return null;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The token's subject: a staff, device or service id. */
    public String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
    }
}
