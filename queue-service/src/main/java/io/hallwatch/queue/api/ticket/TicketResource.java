package io.hallwatch.queue.api.ticket;

import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.security.Roles;
import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.queue.service.ticket.TicketService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "What kiosks and counter terminals do with tickets")
public class TicketResource {

    private final TicketService tickets;
    private final BranchAccess access;

    TicketResource(TicketService tickets, BranchAccess access) {
        this.tickets = tickets;
        this.access = access;
    }

    @POST
    @Path("/branches/{branchId}/tickets")
    @RolesAllowed(Roles.KIOSK)
    @Operation(summary = "Issue a ticket (kiosk). An Idempotency-Key makes a retry return the same ticket.")
    public Response issue(@PathParam("branchId") String branchId, @Valid @NotNull IssueTicketRequest request,
                          @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,100}")) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 100 visible ASCII characters");
        }
        TicketService.Issued issued = tickets.issue(branchId, request.businessType(), request.tierOrDefault(),
                request.customerRef(), idempotencyKey);
        TicketView ticket = TicketView.of(issued.ticket());
        return Response.status(201)
                .location(uri.getBaseUriBuilder().path("api/v1/tickets/{id}").build(ticket.ticketId()))
                .header("Idempotent-Replayed", Boolean.toString(!issued.created()))
                .entity(ticket).build();
    }

    @GET
    @Path("/tickets/{ticketId}")
    @Operation(summary = "A ticket: status, position, current estimate, counter when called")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.SERVICE})
    public TicketView find(@PathParam("ticketId") UUID ticketId) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.find(ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/recall")
    @Operation(summary = "Call a called ticket again")
    @RolesAllowed({Roles.CLERK, Roles.SERVICE})
    public TicketView recall(@PathParam("ticketId") UUID ticketId) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.recall(ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/no-show")
    @Operation(summary = "The called customer never came (过号); the ticket ends")
    @RolesAllowed({Roles.CLERK, Roles.SERVICE})
    public TicketView noShow(@PathParam("ticketId") UUID ticketId) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.noShow(ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/cancel")
    @Operation(summary = "Cancel a waiting or called ticket")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.SERVICE})
    public TicketView cancel(@PathParam("ticketId") UUID ticketId, @Valid TicketActionRequests.Cancel request) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.cancel(ticketId, request == null ? null : request.reason()));
    }

    @POST
    @Path("/tickets/{ticketId}/transfer")
    @Operation(summary = "Move the ticket to another business type; it keeps its original issue time")
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER})
    public TicketView transfer(@PathParam("ticketId") UUID ticketId, @Valid @NotNull TicketActionRequests.Transfer request) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.transfer(ticketId, request.businessType()));
    }
}
