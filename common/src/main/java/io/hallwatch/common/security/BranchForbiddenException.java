package io.hallwatch.common.security;

/**
 * A caller asked for a branch outside its token's scope. Carries no branch id to the caller: the
 * answer is the same 403 as for a missing role, so it does not tell which branches exist.
 */
public class BranchForbiddenException extends RuntimeException {
    public BranchForbiddenException() {
        super("branch outside the token's scope", null, false, false);
    }
}
