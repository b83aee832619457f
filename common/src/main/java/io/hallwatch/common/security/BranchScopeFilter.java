package io.hallwatch.common.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Every path or query parameter named {@code branchId} is checked against the caller's scope
 * before the resource method runs, so no endpoint can forget it. An anonymous caller passes here:
 * the role check then answers 401. The identity is resolved without blocking, since the filter
 * may run on the I/O thread.
 */
public class BranchScopeFilter {
    public static final String PARAM = "branchId";

    private final CurrentIdentityAssociation identities;

    BranchScopeFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> checkBranchParameters(UriInfo uri) {
        List<String> named = named(uri.getPathParameters(), uri.getQueryParameters());
        if (named.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                return null;
            }
            BranchScope scope = BranchClaims.scopeOf(identity);
            for (String branch : named) {
                if (!scope.covers(branch)) {
                    throw new BranchForbiddenException();
                }
            }
            return null;
        });
    }

    static List<String> named(MultivaluedMap<String, String> path, MultivaluedMap<String, String> query) {
        List<String> named = new ArrayList<>();
        if (path.get(PARAM) != null) {
            named.addAll(path.get(PARAM));
        }
        if (query.get(PARAM) != null) {
            query.get(PARAM).stream().filter(b -> b != null && !b.isEmpty()).forEach(named::add);
        }
        return named;
    }
}
