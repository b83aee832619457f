package io.hallwatch.web.api.gateway;

import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problems the web module answers itself, with the services' {@code type} scheme
 * ({@code https://hallwatch.io/problems/<slug>}). Bodies built by hand: nothing from the request is echoed.
 */
public final class Problems {
    public static final String TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(int status, String slug, String title, String detail) {
        String body = "{\"type\":\"https://hallwatch.io/problems/" + slug + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        return Response.status(status).type(TYPE).entity(body).build();
    }

    public static Response unauthenticated() {
        return Response.fromResponse(of(401, "unauthenticated", "Unauthenticated", "Sign in first"))
                .header("WWW-Authenticate", "Bearer").build();
    }

    public static Response forbidden() {
        return of(403, "forbidden", "Forbidden", "Not allowed for this sign-in");
    }
}
