package io.hallwatch.web.api.kiosk;

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

/** {@code /kiosk/{branch}}: the ticket kiosk (kiosk devices; admin to try it). */
@Path("/kiosk/{branch}")
@PermitAll
public class KioskPage {
    private final ScreenGate gate;

    KioskPage(ScreenGate gate) {
        this.gate = gate;
    }

    @GET
    @Produces("text/html")
    public Response page(@PathParam("branch") String branch, @Context HttpHeaders headers) {
        return gate.open(Screen.KIOSK, branch, null, headers, "/kiosk/" + branch, "kiosk.html");
    }
}
