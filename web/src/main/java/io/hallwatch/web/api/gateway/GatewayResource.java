package io.hallwatch.web.api.gateway;

import io.hallwatch.web.client.gateway.ServiceClient;
import io.hallwatch.web.config.WebConfig;
import io.hallwatch.web.domain.gateway.Routes;
import io.hallwatch.web.domain.gateway.Upstream;
import io.hallwatch.web.metrics.WebMetrics;
import io.hallwatch.web.service.signin.TokenReader;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/**}: the screens' API calls, sent on to the service that owns the path with the
 * signed-in person's token (from the HttpOnly cookie) as the bearer. The service decides roles and
 * branches; its status and body (problem+json included) come back unchanged. No cookie is 401; a
 * path no service owns is 404; a service out of reach is 503 with Retry-After, never a 500.
 */
@Path("/api/v1/{path: .+}")
@PermitAll
public class GatewayResource {
    private static final Logger LOG = Logger.getLogger(GatewayResource.class);
    private final TokenReader tokens;
    private final ServiceClient services;
    private final WebMetrics metrics;
    private final WebConfig config;

    GatewayResource(TokenReader tokens, ServiceClient services, WebMetrics metrics, WebConfig config) {
        this.tokens = tokens;
        this.services = services;
        this.metrics = metrics;
        this.config = config;
    }

    @GET
    public Response get(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", path, uri, headers, null);
    }

    @POST
    public Response post(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", path, uri, headers, body);
    }

    @PUT
    public Response put(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", path, uri, headers, body);
    }

    @PATCH
    public Response patch(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", path, uri, headers, body);
    }

    @DELETE
    public Response delete(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", path, uri, headers, null);
    }

    private Response forward(String method, String path, UriInfo uri, HttpHeaders headers, byte[] body) {
        Optional<TokenReader.Verified> signedIn = tokens.read(headers);
        if (signedIn.isEmpty()) {
            return Problems.unauthenticated();
        }
        Optional<Upstream> owner = Routes.owner(path);
        if (owner.isEmpty()) {
            return Problems.of(404, "not-found", "Not found", "No Hallwatch API at this path");
        }
        String raw = uri.getRequestUri().getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        String target = raw + (query == null ? "" : "?" + query);
        Map<String, String> sent = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                sent.put(name, values.get(0));
            }
        });
        try {
            ServiceClient.Answer answer = services.send(owner.get(), method, target, signedIn.get().token(), sent, body);
            Response.ResponseBuilder out = Response.status(answer.status());
            if (answer.body() != null && answer.body().length > 0) {
                out.entity(answer.body());
            }
            for (String name : ServiceClient.ANSWER_HEADERS) {
                answer.header().apply(name).ifPresent(value -> out.header(name, name.equals("Location") ? local(value) : value));
            }
            return out.header("Cache-Control", "no-store").build();
        } catch (ServiceClient.Unreachable e) {
            metrics.unavailable(e.upstream());
            LOG.warnf("%s did not answer a %s", e.upstream().name().toLowerCase(), method);
            return Response.fromResponse(Problems.of(503, "service-unavailable", "Service unavailable",
                    "The " + e.upstream().name().toLowerCase() + " service does not answer; try again shortly"))
                    .header("Retry-After", config.services().retryAfter()).build();
        }
    }

    /** A service's Location as a path of this origin (the browser never learns the services' addresses). */
    static String local(String location) {
        int api = location.indexOf("/api/v1/");
        return api >= 0 ? location.substring(api) : location;
    }
}
