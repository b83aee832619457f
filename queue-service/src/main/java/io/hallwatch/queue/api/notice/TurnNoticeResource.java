package io.hallwatch.queue.api.notice;

import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.queue.service.notice.TurnNoticeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** "Your turn is near": the customer's consent, taken at the kiosk. The phone number goes to the SLA monitor, never here. */
@Path("/api/v1/tickets/{ticketId}/turn-notice")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Tickets", description = "What kiosks and counter terminals do with tickets")
public class TurnNoticeResource {
    private final TurnNoticeService notices;
    private final BranchAccess access;

    TurnNoticeResource(TurnNoticeService notices, BranchAccess access) {
        this.notices = notices;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.KIOSK, Roles.SERVICE})
    @Operation(operationId = "requestTurnNotice", summary = "Tell this customer by SMS when their turn is near",
            description = "Records the customer's consent (roles kiosk, service; no body, no phone number: the number goes to "
                    + "the SLA monitor's PUT /api/v1/tickets/{ticketId}/turn-notice-contact). Once the ticket has the branch's "
                    + "turnNoticeAhead people ahead or fewer (3 unless the branch says otherwise), the queue publishes "
                    + "hallwatch.ticket.turn-near.v1 once and the monitor sends the SMS; a ticket called first is never told. "
                    + "201 the first time, 200 when repeated (nothing changes). A ticket that no longer waits is 409 "
                    + "invalid-transition; an unknown ticket 404 ticket-not-found.")
    public Response request(@PathParam("ticketId") UUID ticketId) {
        access.check(notices.branchOf(ticketId));
        TurnNoticeService.Consent consent = notices.consent(ticketId);
        return Response.status(consent.created() ? 201 : 200).entity(TurnNoticeView.of(consent)).build();
    }
}
