package io.hallwatch.queue.api.checkin;

import io.hallwatch.queue.api.Created;

import io.hallwatch.common.security.Roles;
import io.hallwatch.common.problem.IdempotencyKeys;
import io.hallwatch.queue.api.ticket.IssueTicketRequest;
import io.hallwatch.queue.api.ticket.TicketView;
import io.hallwatch.queue.service.ticket.TicketService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/branches/{branchId}/remote-tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers before they arrive", description = "Remote tickets and appointments, for the online channels")
public class RemoteTicketResource {

    private final TicketService tickets;

    RemoteTicketResource(TicketService tickets) {
        this.tickets = tickets;
    }

    @POST
    @RolesAllowed(Roles.ONLINE_HALL)
    @Operation(operationId = "takeRemoteTicket", summary = "Take a ticket before coming (mini-program, online hall)",
            description = "Numbers a ticket that is REMOTE: not in the queue until the customer checks in at the branch's "
                    + "kiosk (POST /branches/{b}/check-ins) with its number or the six-digit checkInCode, by checkInBy (an "
                    + "hour from now by default); its wait starts at the check-in. Nobody checking in: it is cancelled "
                    + "(reason REMOTE_EXPIRED). The online channel can cancel it (POST /tickets/{id}/cancel). An "
                    + "Idempotency-Key makes a retry answer the same ticket (200, Idempotent-Replayed: true). Outside "
                    + "opening hours 409 branch-closed; a type the branch does not offer 422 business-type-not-offered.")
    public Response take(@PathParam("branchId") String branchId, @Valid @NotNull IssueTicketRequest request,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        TicketService.Issued issued = tickets.takeRemote(branchId, request.businessType(), request.tierOrDefault(),
                request.customerRef(), IdempotencyKeys.checked(idempotencyKey));
        TicketView ticket = TicketView.of(issued.ticket());
        return Created.of(uri, "api/v1/tickets/{id}", ticket.ticketId(), issued.created(), ticket);
    }
}
