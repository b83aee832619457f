package io.hallwatch.queue.api.queue;

import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.queue.api.ticket.TicketView;
import io.hallwatch.queue.service.queue.QueueService;
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

    QueueResource(QueueService queue) {
        this.queue = queue;
    }

    @GET
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Per business type: waiting count, oldest wait, tickets in call order")
    public QueueView queue(@PathParam("branchId") String branchId) {
        return QueueView.of(queue.queue(branchId));
    }

    @POST
    @Path("/call-next")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Call the next ticket this counter may serve (200), or 204 when nobody waits. "
            + "An Idempotency-Key (one per click) makes a repeat from the same counter answer the same ticket.")
    public Response callNext(@PathParam("branchId") String branchId, @Valid @NotNull CallNextRequest request,
                             @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,100}")) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 100 visible ASCII characters");
        }
        QueueService.Called called = queue.callNext(branchId, request.counterId(), request.clerkId(), request.businessTypes(),
                request.vipCounter(), idempotencyKey);
        Response.ResponseBuilder response = called.ticket().map(t -> Response.ok(TicketView.of(t)))
                .orElseGet(Response::noContent);
        return response.header("Idempotent-Replayed", Boolean.toString(called.replayed())).build();
    }
}
