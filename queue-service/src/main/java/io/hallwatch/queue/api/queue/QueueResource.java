package io.hallwatch.queue.api.queue;

import io.hallwatch.common.problem.IdempotencyKeys;

import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.security.Roles;
import io.hallwatch.queue.api.ticket.TicketView;
import io.hallwatch.queue.service.queue.QueueService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/branches/{branchId}/queue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Queue", description = "The branch's queue: the hall display and call-next")
public class QueueResource {

    private final QueueService queue;
    private final TicketService tickets;

    QueueResource(QueueService queue, TicketService tickets) {
        this.queue = queue;
        this.tickets = tickets;
    }

    @GET
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getQueue", summary = "The branch's queue, as the hall display shows it",
            description = "Per business type the branch offers: how many customers wait, the longest wait so far, and the "
                    + "waiting tickets in the order an ordinary counter would call them (tickets about to breach the wait "
                    + "standard first, then VIP, then the rest, each first come first served).")
    public QueueView queue(@PathParam("branchId") String branchId) {
        return QueueView.of(queue.queue(branchId));
    }

    @POST
    @Path("/call-next")
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "callNext", summary = "Call the next ticket for a counter (counter-service)",
            description = "Calls the first waiting ticket, in call order, of the business types the counter serves (a VIP "
                    + "counter takes VIP customers first) and answers it (200), or 204 when nobody waits. An Idempotency-Key "
                    + "(one per click, 1 to 100 visible ASCII characters) makes a repeat from the same counter answer what the "
                    + "first call answered, calling nobody else (header Idempotent-Replayed: true); the same key from another "
                    + "clerk is 422 idempotency-key-reused.")
    public Response callNext(@PathParam("branchId") String branchId, @Valid @NotNull CallNextRequest request,
                             @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.checked(idempotencyKey);
        QueueService.Called called = queue.callNext(branchId, request.counterId(), request.clerkId(), request.businessTypes(),
                request.vipCounter(), idempotencyKey);
        Response.ResponseBuilder response = called.ticket().map(t -> Response.ok(TicketView.of(t)))
                .orElseGet(Response::noContent);
        return response.header("Idempotent-Replayed", Boolean.toString(called.replayed())).build();
    }

    @POST
    @Path("/walk-in")
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "walkIn", summary = "A walk-in served at a counter without a ticket (counter-service)",
            description = "Creates a ticket of the business type already CALLED at the counter (walkIn: true, its issue and "
                    + "call in one instant, so it never waits and is never judged against the wait standard) and answers it "
                    + "(201). Service then starts and finishes as usual. A type the branch does not offer is 422 "
                    + "business-type-not-offered, one the counter does not serve 422 business-type-not-served; outside "
                    + "opening hours 409 branch-closed. An Idempotency-Key makes a repeat from the same counter answer the "
                    + "same ticket (200, Idempotent-Replayed: true).")
    public Response walkIn(@PathParam("branchId") String branchId, @Valid @NotNull VisitRequests.WalkIn request,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.checked(idempotencyKey);
        TicketService.Issued issued = tickets.walkIn(branchId, request.counterId(), request.clerkId(), request.businessTypes(),
                request.businessType(), request.tierOrDefault(), idempotencyKey);
        return Response.status(issued.created() ? 201 : 200).entity(TicketView.of(issued.ticket()))
                .header("Idempotent-Replayed", Boolean.toString(!issued.created())).build();
    }

    @POST
    @Path("/call-ticket")
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "callChosenTicket", summary = "Call a chosen waiting ticket to a counter (counter-service)",
            description = "Calls this waiting ticket, whatever the call order says, for a reason (ELDERLY, DISABLED, "
                    + "PREGNANT, SUPERVISOR, RETURNING, OTHER). Where the call order would have called another ticket first "
                    + "at this counter the call is out of order: the ticket-called event carries outOfOrder and the reason, "
                    + "and the branch's day report counts it for the clerk. A ticket of another branch or none is 404 "
                    + "ticket-not-found, of a type the counter does not serve 422 business-type-not-served, not WAITING 409 "
                    + "invalid-transition. An Idempotency-Key works as for call-next.")
    public Response callTicket(@PathParam("branchId") String branchId, @Valid @NotNull VisitRequests.CallTicket request,
                               @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.checked(idempotencyKey);
        QueueService.Called called = queue.callChosen(branchId, request.counterId(), request.clerkId(), request.businessTypes(),
                request.vipCounter(), request.ticketId(), request.reason(), idempotencyKey);
        return Response.ok(TicketView.of(called.ticket().orElseThrow()))
                .header("Idempotent-Replayed", Boolean.toString(called.replayed())).build();
    }

}
