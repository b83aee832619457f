package io.hallwatch.queue.api.ticket;

import io.hallwatch.common.problem.IdempotencyKeys;

import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.security.Roles;
import io.hallwatch.common.security.BranchAccess;
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
    @Operation(operationId = "issueTicket", summary = "Issue a ticket (kiosk)",
            description = "Numbers a new ticket in the business type's queue and answers it with its position, the people "
                    + "ahead, the estimated wait and triage advice, its address in Location (201). An Idempotency-Key makes "
                    + "a retry return the same ticket (Idempotent-Replayed: true). A type the branch does not offer is 422 "
                    + "business-type-not-offered; outside opening hours it is 409 branch-closed.")
    public Response issue(@PathParam("branchId") String branchId, @Valid @NotNull IssueTicketRequest request,
                          @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        IdempotencyKeys.checked(idempotencyKey);
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
    @Operation(operationId = "getTicket", summary = "A ticket's status and wait estimate",
            description = "Status and number; while the ticket waits its position, the people ahead and the current wait "
                    + "estimate (afterwards the estimate made at issue); the counter once it is called.")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ONLINE_HALL, Roles.SERVICE})
    public TicketView find(@PathParam("ticketId") UUID ticketId) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.find(ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/recall")
    @Operation(operationId = "recallTicket", summary = "Call a called ticket again",
            description = "The customer has not come up yet: the ticket is called again at its counter and its recall count "
                    + "goes up. A ticket that is not CALLED is 409 invalid-transition.")
    @RolesAllowed({Roles.CLERK, Roles.SERVICE})
    public TicketView recall(@PathParam("ticketId") UUID ticketId) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.recall(ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/no-show")
    @Operation(operationId = "markNoShow", summary = "Mark a called ticket as no-show (过号)",
            description = "The called customer never came: the ticket ends as NO_SHOW. A called ticket the end of the "
                    + "service day already closed (CLOSED) is answered unchanged, so the counter can clear its screen. Any "
                    + "other ticket that is not CALLED is 409 invalid-transition.")
    @RolesAllowed({Roles.CLERK, Roles.SERVICE})
    public TicketView noShow(@PathParam("ticketId") UUID ticketId) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.noShow(ticketId));
    }

    @POST
    @Path("/tickets/{ticketId}/cancel")
    @Operation(operationId = "cancelTicket", summary = "Cancel a waiting or called ticket",
            description = "The customer gives up, with an optional reason: the ticket ends as CANCELLED; a remote ticket not "
                    + "checked in yet can be cancelled too (by the online channel that took it). A ticket in service "
                    + "or already ended is 409 invalid-transition.")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.ONLINE_HALL, Roles.SERVICE})
    public TicketView cancel(@PathParam("ticketId") UUID ticketId, @Valid TicketActionRequests.Cancel request) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.cancel(ticketId, request == null ? null : request.reason()));
    }

    @POST
    @Path("/tickets/{ticketId}/transfer")
    @Operation(operationId = "transferTicket", summary = "Move a ticket to another business type",
            description = "Puts the ticket in another type's queue with a new number, keeping its original issue time, so "
                    + "that its wait counts from the first issue. The same type is 409 same-business-type; a type the branch "
                    + "does not offer is 422 business-type-not-offered.")
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER})
    public TicketView transfer(@PathParam("ticketId") UUID ticketId, @Valid @NotNull TicketActionRequests.Transfer request) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.transfer(ticketId, request.businessType()));
    }

    @POST
    @Path("/tickets/{ticketId}/park")
    @Operation(operationId = "parkTicket", summary = "Park a called or serving visit back into the queue",
            description = "The customer must step away (to fetch a document, say): the ticket waits again, placed at the "
                    + "FRONT of its queue (called next), at the BACK (behind everyone waiting now) or by its ORIGINAL issue "
                    + "time. Its wait clock resumes with the wait kept from before the call; the time spent called or at the "
                    + "counter does not count as waiting, and a service under way stops there. Publishes "
                    + "hallwatch.ticket.parked.v1. A ticket neither CALLED nor SERVING is 409 invalid-transition.")
    @RolesAllowed({Roles.CLERK, Roles.SERVICE})
    public TicketView park(@PathParam("ticketId") UUID ticketId, @Valid @NotNull TicketActionRequests.Park request) {
        access.check(tickets.branchOf(ticketId));
        return TicketView.of(tickets.park(ticketId, request.position()));
    }
}
