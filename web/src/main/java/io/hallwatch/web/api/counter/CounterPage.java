package io.hallwatch.web.api.counter;

import io.hallwatch.web.api.page.ScreenGate;
import io.hallwatch.web.domain.signin.Screen;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /counter/{branch}/{counter}}: the clerk's workstation (clerks only). */
@Path("/counter/{branch}/{counter}")
@PermitAll
public class CounterPage {
    private final ScreenGate gate;

    CounterPage(ScreenGate gate) {
        this.gate = gate;
    }

    @GET
    @Produces("text/html")
    public Response page(@PathParam("branch") String branch, @PathParam("counter") String counter, @Context HttpHeaders headers) {
        return gate.open(Screen.COUNTER, branch, counter, headers, "/counter/" + branch + "/" + counter, "counter.html");
    }
}
