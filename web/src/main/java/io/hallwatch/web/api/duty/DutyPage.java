package io.hallwatch.web.api.duty;

import io.hallwatch.web.api.page.ScreenGate;
import io.hallwatch.web.domain.signin.Screen;
import io.hallwatch.web.service.duty.DutyHub;
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
 * {@code /duty/{branch}}: the duty-manager console, and {@code /duty/{branch}/events}, its server push
 * (SSE) of the branch's warnings, breaches and clears, fed by the SLA topic.
 */
@Path("/duty/{branch}")
@PermitAll
public class DutyPage {
    private final ScreenGate gate;
    private final DutyHub hub;

    DutyPage(ScreenGate gate, DutyHub hub) {
        this.gate = gate;
        this.hub = hub;
    }

    @GET
    @Produces("text/html")
    public Response page(@PathParam("branch") String branch, @Context HttpHeaders headers) {
        return gate.open(Screen.DUTY, branch, null, headers, "/duty/" + branch, "duty.html");
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("branch") String branch, @Context HttpHeaders headers, @Context SseEventSink sink, @Context Sse sse) {
        gate.admitPush(Screen.DUTY, branch, headers);
        hub.open(branch, sink, sse);
    }
}
