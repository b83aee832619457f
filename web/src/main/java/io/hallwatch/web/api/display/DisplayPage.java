package io.hallwatch.web.api.display;

import io.hallwatch.web.api.page.ScreenGate;
import io.hallwatch.web.domain.signin.Screen;
import io.hallwatch.web.service.display.DisplayHub;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code /display/{branch}}: the hall display, and {@code /display/{branch}/events}, its server push
 * (SSE) of the branch's calls, recalls and queue changes, fed by the tickets topic.
 */
@Path("/display/{branch}")
@PermitAll
public class DisplayPage {
    private final ScreenGate gate;
    private final DisplayHub hub;

    DisplayPage(ScreenGate gate, DisplayHub hub) {
        this.gate = gate;
        this.hub = hub;
    }

    @GET
    @Produces("text/html")
    public Response page(@PathParam("branch") String branch, @Context HttpHeaders headers) {
        return gate.open(Screen.DISPLAY, branch, null, headers, "/display/" + branch, "display.html");
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("branch") String branch, @Context HttpHeaders headers, @Context SseEventSink sink, @Context Sse sse) {
        gate.admitPush(Screen.DISPLAY, branch, headers);
        hub.open(branch, sink, sse);
    }
}
