package io.hallwatch.common.security;

import io.hallwatch.common.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * 401 and 403 as problem+json with a stable type and nothing that helps an attacker: no reason
 * beyond "authenticate" or "not allowed", no role, no branch, no token. Why it failed goes to the
 * {@link AuthMetrics} counter instead. Works because proactive
 * authentication is off ({@code quarkus.http.auth.proactive=false}): authentication then happens
 * inside Quarkus REST, where these mappers apply.
 */
public class SecurityProblems {
    private final AuthMetrics metrics;

    SecurityProblems(AuthMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(expired(e) ? AuthFailure.EXPIRED : AuthFailure.BAD_TOKEN, uri);
    }

    @ServerExceptionMapper
    public Response noToken(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(AuthFailure.NO_TOKEN, uri);
    }

    @ServerExceptionMapper
    public Response forbiddenRole(ForbiddenException e, UriInfo uri) {
        return forbidden(AuthFailure.FORBIDDEN_ROLE, uri);
    }

    @ServerExceptionMapper
    public Response outOfBranch(BranchForbiddenException e, UriInfo uri) {
        return forbidden(AuthFailure.OUT_OF_BRANCH, uri);
    }

    private Response unauthenticated(AuthFailure reason, UriInfo uri) {
        count(reason);
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of("unauthenticated", "Unauthorized", 401, "A valid bearer token is required")
                        .withInstance(uri.getPath())).build();
    }

    private Response forbidden(AuthFailure reason, UriInfo uri) {
        count(reason);
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of("forbidden", "Forbidden", 403, "This token does not allow this request")
                        .withInstance(uri.getPath())).build();
    }

    private void count(AuthFailure reason) {
        metrics.failed(reason);
    }

    static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }
}
