package io.hallwatch.counter.api.counter;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.counter.service.counter.CounterService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/branches/{branchId}/counters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Counters", description = "What a clerk does at a counter through a shift")
public class CounterResource {

    private final CounterService counters;

    CounterResource(CounterService counters) {
        this.counters = counters;
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The branch's counters and what each is doing")
    public List<CounterView> list(@PathParam("branchId") String branchId) {
        return counters.list(branchId).stream().map(CounterView::of).toList();
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Path("/{counterId}")
    @Operation(summary = "One counter: status, clerk, the customer called or in service (over the limit?), pause")
    public CounterView find(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.find(branchId, counterId));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{counterId}")
    @Operation(summary = "Create or change a counter: label, VIP flag, business types served (admin)")
    public Response define(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                           @Valid @NotNull CounterRequests.Define request) {
        boolean created = counters.define(branchId, counterId, request.label(), request.vip(), request.skills());
        return Response.status(created ? 201 : 200).entity(CounterView.of(counters.find(branchId, counterId))).build();
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/sign-in")
    public CounterView signIn(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                              @Valid @NotNull CounterRequests.SignIn request) {
        return CounterView.of(counters.signIn(branchId, counterId, request.clerkId()));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/sign-out")
    public CounterView signOut(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.signOut(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/pause")
    @Operation(summary = "Step away briefly (暂离); BREAK, TRAINING, SUPERVISOR or OTHER")
    public CounterView pause(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                             @Valid @NotNull CounterRequests.Pause request) {
        return CounterView.of(counters.pause(branchId, counterId, request.reason()));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/resume")
    public CounterView resume(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.resume(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/call-next")
    @Operation(summary = "Call the next customer (200), 204 when nobody waits, 503 when the queue is out of reach. "
            + "An Idempotency-Key per click, sent again when the screen retries that click, calls one customer for it.")
    public Response callNext(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                             @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,100}")) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 100 visible ASCII characters");
        }
        return counters.callNext(branchId, counterId, idempotencyKey).map(s -> Response.ok(CounterView.of(s)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/recall")
    public CounterView recall(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.recall(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/no-show")
    public CounterView noShow(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.noShow(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/service/start")
    @Operation(summary = "The called customer arrived: service starts")
    public CounterView start(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.startService(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/service/finish")
    @Operation(summary = "Service finished: COMPLETED, REFERRED or UNRESOLVED, with the business actually done")
    public CounterView finish(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                              @Valid @NotNull CounterRequests.Finish request) {
        return CounterView.of(counters.finishService(branchId, counterId, request.outcome(), request.note(),
                request.businessTypesHandled()));
    }
}
