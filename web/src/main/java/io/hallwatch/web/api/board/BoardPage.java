package io.hallwatch.web.api.board;

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

/**
 * {@code /board}: every branch of the sign-in at a glance, for managers where no Grafana runs; and
 * {@code /report/{branch}}: a branch's day report with its clerks' reports, one click from the board.
 * Both read the services' APIs through this origin with the person's own token, so each service
 * still decides what the person may see.
 */
@Path("/")
@PermitAll
public class BoardPage {
    private final ScreenGate gate;

    BoardPage(ScreenGate gate) {
        this.gate = gate;
    }

    @GET
    @Path("board")
    @Produces("text/html")
    public Response board(@Context HttpHeaders headers) {
        return gate.open(Screen.BOARD, null, null, headers, "/board", "board.html");
    }

    @GET
    @Path("report/{branch}")
    @Produces("text/html")
    public Response report(@PathParam("branch") String branch, @Context HttpHeaders headers) {
        return gate.open(Screen.REPORT, branch, null, headers, "/report/" + branch, "report.html");
    }
}
