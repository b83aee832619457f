package io.hallwatch.marketing.api.hall;

import io.hallwatch.common.security.Roles;
import io.hallwatch.marketing.domain.hall.HallLoad;
import io.hallwatch.marketing.service.hall.HallLoads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.hallwatch.marketing.api.Formats.ID;

/** The load marketing sizes pitches to, as it sees it now: for floor staff and for checking a threshold. */
@Tag(name = "Hall", description = "The live queue of a branch as marketing counts it from the ticket events.")
@SecurityRequirement(name = "SecurityScheme")
@Path("/api/v1/branches/{branchId}/load")
@Produces(MediaType.APPLICATION_JSON)
public class HallLoadResource {

    private final HallLoads loads;

    HallLoadResource(HallLoads loads) {
        this.loads = loads;
    }

    /** {@code pitchForm}: the form a busy or quiet hall implies, SHORT or FULL. */
    public record LoadView(String branchId, int waiting, int busyThreshold, boolean busy, String pitchForm) {
        static LoadView of(String branchId, HallLoad load) {
            return new LoadView(branchId, load.waiting(), load.busyThreshold(), load.busy(), load.busy() ? "SHORT" : "FULL");
        }
    }

    @Operation(operationId = "getBranchLoad", summary = "How busy the branch's hall is now",
            description = "Customers waiting at the branch now, the branch's busy threshold, whether the hall is "
                    + "busy, and the pitch form that implies: SHORT (one sentence) when busy, FULL (script and "
                    + "demo) when quiet.")
    @GET
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER})
    public LoadView get(@PathParam("branchId") @Pattern(regexp = ID) String branchId) {
        return LoadView.of(branchId, loads.now(branchId));
    }
}
