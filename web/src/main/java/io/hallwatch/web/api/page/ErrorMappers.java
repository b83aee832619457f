package io.hallwatch.web.api.page;

import io.hallwatch.web.api.gateway.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the web module answers when a request goes wrong before or outside a resource's own
 * answer (an unsupported method or media type, a malformed form, a failure of its own): a
 * problem+json under {@code /api/} and for the push channel, a plain page everywhere else. Never a
 * stack trace, never the input echoed.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (original != null && original.hasEntity()) {
            return original;
        }
        return answer(status, uri);
    }

    @ServerExceptionMapper
    public Response failed(RuntimeException e, UriInfo uri) {
        LOG.errorf("request failed: %s", e.getClass().getName());
        return answer(500, uri);
    }

    private static Response answer(int status, UriInfo uri) {
        String path = uri.getPath();
        boolean machine = path.startsWith("/api/") || path.endsWith("/events") || path.equals("/session");
        if (machine) {
            return switch (status) {
                case 404 -> Problems.of(404, "not-found", "Not found", "Nothing at this path");
                case 405 -> Problems.of(405, "method-not-allowed", "Method not allowed", "This path does not take that method");
                case 415 -> Problems.of(415, "unsupported-media-type", "Unsupported media type", "Send application/json");
                case 413 -> Problems.of(413, "payload-too-large", "Payload too large", "The request body is too large");
                default -> status >= 500
                        ? Problems.of(500, "internal", "Internal error", "Something went wrong; try again")
                        : Problems.of(status, "bad-request", "Bad request", "The request is not valid");
            };
        }
        return status >= 500
                ? Pages.message(500, "error", "出错了 / Something went wrong", "系统出现问题，请稍后再试或联系工作人员。",
                        "Something went wrong. Try again shortly or ask a member of staff.", false)
                : Pages.message(status, "error", "无法完成 / Not possible", "这个地址或操作不可用。",
                        "This address or action is not available.", false);
    }
}
