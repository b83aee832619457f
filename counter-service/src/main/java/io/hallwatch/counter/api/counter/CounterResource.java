package io.hallwatch.counter.api.counter;

import io.hallwatch.common.problem.IdempotencyKeys;
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
    @Operation(operationId = "listCounters", summary = "The branch's counters and what each is doing",
            description = "Every counter of the branch in the order of its id: label, VIP flag, skills, status, the clerk "
                    + "signed in, the customer called or in service and the pause under way.")
    public List<CounterView> list(@PathParam("branchId") String branchId) {
        return counters.list(branchId).stream().map(CounterView::of).toList();
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Path("/{counterId}")
    @Operation(operationId = "getCounter",
            summary = "One counter: status, clerk, the customer called or in service (over the limit?), pause",
            description = "What the counter screen shows: with a customer in service, the handling time so far, the limit "
                    + "of its business type and, once past it, overLimit with the prompt to explain, ask consent and "
                    + "apologise; while paused, the reason, since when and whether the pause limit is passed. "
                    + "404 counter-not-found.")
    public CounterView find(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.find(branchId, counterId));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{counterId}")
    @Operation(operationId = "defineCounter",
            summary = "Create or change a counter: label, VIP flag, business types served (admin)",
            description = "Creates the counter (201, CLOSED) or changes the label, VIP flag and skills of the existing one "
                    + "(200) without touching what it is doing. Branch and counter ids are short codes "
                    + "(400 invalid-counter-id otherwise).")
    public Response define(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                           @Valid @NotNull CounterRequests.Define request) {
        boolean created = counters.define(branchId, counterId, request.label(), request.vip(), request.skills());
        return Response.status(created ? 201 : 200).entity(CounterView.of(counters.find(branchId, counterId))).build();
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/sign-in")
    @Operation(operationId = "signIn", summary = "A clerk signs in at a closed counter",
            description = "The counter opens with this clerk. One clerk works one counter at a time: signing in at a second "
                    + "counter, or at a counter that is not closed, is 409 counter-state-conflict.")
    public CounterView signIn(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                              @Valid @NotNull CounterRequests.SignIn request) {
        return CounterView.of(counters.signIn(branchId, counterId, request.clerkId()));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/sign-out")
    @Operation(operationId = "signOut", summary = "The clerk signs out and the counter closes",
            description = "Only from an open counter with nobody called or in service; otherwise 409 and nothing changes.")
    public CounterView signOut(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.signOut(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/pause")
    @Operation(operationId = "pauseCounter", summary = "Step away briefly (暂离); BREAK, TRAINING, SUPERVISOR or OTHER",
            description = "Only from an open counter with nobody called. Publishes CounterPaused; the screen flags a pause "
                    + "longer than the pause limit.")
    public CounterView pause(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                             @Valid @NotNull CounterRequests.Pause request) {
        return CounterView.of(counters.pause(branchId, counterId, request.reason()));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/resume")
    @Operation(operationId = "resumeCounter", summary = "Back from a pause: the counter opens again",
            description = "Records the pause's length and publishes CounterResumed with the paused seconds and whether the "
                    + "pause ran over its limit. 409 unless the counter is paused.")
    public CounterView resume(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.resume(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/call-next")
    @Operation(operationId = "callNextCustomer",
            summary = "Call the next customer (200), 204 when nobody waits, 503 when the queue is out of reach",
            description = "Asks the queue-service for the next ticket this counter serves (its skills, VIP flag). "
                    + "An Idempotency-Key per click, sent again when the screen retries that click, calls one customer "
                    + "for it. When the queue cannot be reached: 503 queue-unavailable with Retry-After, the counter "
                    + "unchanged.")
    public Response callNext(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                             @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.checked(idempotencyKey);
        return counters.callNext(branchId, counterId, idempotencyKey).map(s -> Response.ok(CounterView.of(s)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/walk-in")
    @Operation(operationId = "serveWalkIn", summary = "Serve a walk-in: a customer without a ticket",
            description = "The queue-service creates a ticket of the business type already called at this counter (walkIn, "
                    + "no wait: never judged against the wait standard); start and finish the service as usual, and it counts "
                    + "in the clerk's report and the handling standard. A type this counter does not serve is 422 "
                    + "business-type-not-served; outside opening hours 409 branch-closed; 409 counter-state-conflict unless "
                    + "the counter is open with nobody called. An Idempotency-Key per click makes one walk-in for a retried "
                    + "click. 503 queue-unavailable when the queue is out of reach.")
    public CounterView walkIn(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                              @Valid @NotNull CounterRequests.WalkIn request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.checked(idempotencyKey);
        return CounterView.of(counters.walkIn(branchId, counterId, request.businessType(), idempotencyKey));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/call-ticket")
    @Operation(operationId = "callChosenCustomer", summary = "Call a chosen waiting ticket, with the reason",
            description = "Any waiting ticket of a type this counter serves, for ELDERLY, DISABLED, PREGNANT, SUPERVISOR, "
                    + "RETURNING or OTHER: where it jumps the call order the call event says it was out of order (and why) "
                    + "and the branch's day report counts it for the clerk. The queue's refusals are passed on: 404 "
                    + "ticket-not-found, 409 invalid-transition (not waiting), 422 business-type-not-served. 409 "
                    + "counter-state-conflict unless the counter is open with nobody called; 503 queue-unavailable.")
    public CounterView callTicket(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                                  @Valid @NotNull CounterRequests.CallTicket request,
                                  @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.checked(idempotencyKey);
        return CounterView.of(counters.callTicket(branchId, counterId, request.ticketId(), request.reason(), idempotencyKey));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/park")
    @Operation(operationId = "parkCustomer", summary = "Park the called or serving visit back into the queue",
            description = "The customer must step away (to fetch a document, say): the visit goes back to the queue at the "
                    + "FRONT, the BACK or by its ORIGINAL issue time, its wait clock resumed from the wait it had; a service "
                    + "under way stops (its handling time ends here, kept with the optional note for the next clerk, at most "
                    + "255 characters, never a phone number: 422 note-contains-phone-number). The counter is free to call "
                    + "again. 409 counter-state-conflict unless a customer is called or in service; 503 queue-unavailable.")
    public CounterView park(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                            @Valid @NotNull CounterRequests.Park request) {
        return CounterView.of(counters.park(branchId, counterId, request.position(), request.note()));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/recall")
    @Operation(operationId = "recallCustomer", summary = "Call the called customer again",
            description = "Passed to the queue-service (not retried, since a recall would count twice); the counter keeps "
                    + "waiting for the same customer. 409 unless a customer is called; 503 when the queue is out of reach.")
    public CounterView recall(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.recall(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/no-show")
    @Operation(operationId = "markNoShow", summary = "The called customer did not come",
            description = "Passed to the queue-service, then recorded for the clerk's daily report; the counter is free to "
                    + "call the next customer. 409 unless a customer is called; 503 when the queue is out of reach.")
    public CounterView noShow(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.noShow(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/service/start")
    @Operation(operationId = "startService", summary = "The called customer arrived: service starts",
            description = "The handling time starts against the limit of the ticket's business type; publishes "
                    + "ServiceStarted. 409 unless a customer is called.")
    public CounterView start(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId) {
        return CounterView.of(counters.startService(branchId, counterId));
    }

    @POST
    @RolesAllowed(Roles.CLERK)
    @Path("/{counterId}/service/finish")
    @Operation(operationId = "finishService",
            summary = "Service finished: COMPLETED, REFERRED or UNRESOLVED, with the business actually done",
            description = "Records the handling time, outcome, note and the business types actually handled (the ticket's "
                    + "own type when none are given) and publishes ServiceFinished with the types handled (never the note). "
                    + "The note (at most 255 characters) is shown to the next clerk who calls this visit (after a transfer or "
                    + "a park); one that looks like a phone number is 422 note-contains-phone-number. Where the branch "
                    + "requires the types handled (counter-settings), none is 422 business-types-handled-required. 409 unless "
                    + "a customer is in service.")
    public CounterView finish(@PathParam("branchId") String branchId, @PathParam("counterId") String counterId,
                              @Valid @NotNull CounterRequests.Finish request) {
        return CounterView.of(counters.finishService(branchId, counterId, request.outcome(), request.note(),
                request.businessTypesHandled()));
    }
}
