package io.hallwatch.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the {@code branches} claim of the caller's token, whatever shape the JWT library gives it. */
final class BranchClaims {
    private BranchClaims() {
    }

    static BranchScope scopeOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return BranchScope.none();
        }
        return BranchScope.of(values(jwt.getClaim(BranchScope.CLAIM)));
    }

    static List<String> values(Object claim) {
        List<String> ids = new ArrayList<>();
        if (claim instanceof Collection<?> items) {
            items.forEach(i -> ids.add(text(i)));
        } else if (claim != null) {
            ids.add(text(claim));
        }
        return ids;
    }

    private static String text(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonValue v) {
            // A number or other JSON value is not a branch id; keep it as text so it simply never matches.
            return v.toString();
        }
        return String.valueOf(value);
    }
}
