package io.hallwatch.web.api.signin;

import io.hallwatch.web.api.gateway.Problems;
import io.hallwatch.web.domain.signin.Viewer;
import io.hallwatch.web.service.signin.TokenReader;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /session}: who is signed in (subject, roles, branches), for a screen's script, which
 * cannot read the HttpOnly cookie; the counter workstation signs its clerk in with the subject.
 */
@Path("/session")
@PermitAll
public class SessionResource {
    private final TokenReader tokens;

    SessionResource(TokenReader tokens) {
        this.tokens = tokens;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response session(@Context HttpHeaders headers) {
        Optional<Viewer> viewer = tokens.viewer(headers);
        if (viewer.isEmpty()) {
            return Problems.unauthenticated();
        }
        Viewer v = viewer.get();
        return Response.ok(Map.of("subject", v.subject(), "roles", v.roles(), "branches", v.branches()))
                .header("Cache-Control", "no-store").build();
    }
}
