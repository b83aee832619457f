package io.hallwatch.counter.api.counter;

import io.hallwatch.common.security.Roles;
import io.hallwatch.counter.service.counter.CounterService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/branches/{branchId}/counter-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Counters", description = "What a clerk does at a counter through a shift")
public class CounterSettingsResource {

    private final CounterService counters;

    CounterSettingsResource(CounterService counters) {
        this.counters = counters;
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getCounterSettings", summary = "What the branch asks of a finished service",
            description = "businessTypesHandledRequired: whether every finish must name the business types actually "
                    + "handled (false for a branch that never said).")
    public CounterRequests.Settings find(@PathParam("branchId") String branchId) {
        return new CounterRequests.Settings(counters.businessTypesHandledRequired(branchId));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putCounterSettings", summary = "Set what the branch asks of a finished service (admin)",
            description = "businessTypesHandledRequired true: a finish without the business types actually handled is 422 "
                    + "business-types-handled-required at this branch's counters. 400 invalid-counter-id for a branch id "
                    + "that is not a short code.")
    public CounterRequests.Settings put(@PathParam("branchId") String branchId, @Valid @NotNull CounterRequests.Settings request) {
        counters.requireBusinessTypesHandled(branchId, request.businessTypesHandledRequired());
        return new CounterRequests.Settings(counters.businessTypesHandledRequired(branchId));
    }
}
