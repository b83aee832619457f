package io.hallwatch.common.security;

/** Why a request was refused, as the {@code reason} tag of {@code hallwatch_auth_failures_total}. */
public enum AuthFailure {
    NO_TOKEN("no_token"),
    BAD_TOKEN("bad_token"),
    EXPIRED("expired"),
    FORBIDDEN_ROLE("forbidden_role"),
    OUT_OF_BRANCH("out_of_branch");

    private final String tag;

    AuthFailure(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
