package io.hallwatch.sla.api.alerting;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.alerting.Silence;
import io.hallwatch.sla.service.alerting.SilenceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** A branch-wide silence: "we know, we are on it"; the branch's breaches are kept as QUIET alerts meanwhile. */
@Tag(name = "Alert silences", description = "Branch-wide silences during which nobody is paged")
@Path("/api/v1/branches/{branchId}/alert-silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {
    private final SilenceService silences;

    SilenceResource(SilenceService silences) {
        this.silences = silences;
    }

    /** {@code startsAt} defaults to now. */
    public record NewSilence(Instant startsAt, Instant endsAt, String createdBy, String reason) {
    }

    @Operation(operationId = "createAlertSilence", summary = "Silence a branch's alerts",
            description = "We know, we are on it: from startsAt (default now) until endsAt, at most 12 hours, the branch's"
                    + " breaches are kept as QUIET alerts and nobody is paged.")
    @POST
    @RolesAllowed(Roles.DUTY_MANAGER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Silence create(@PathParam("branchId") String branchId, NewSilence s) {
        String branch = Params.branch("branchId", branchId, true);
        if (s == null) {
            throw ProblemException.badRequest("invalid-silence", "endsAt and createdBy (a staff id) are required");
        }
        return silences.create(branch, s.startsAt(), s.endsAt(), s.createdBy(), s.reason());
    }

    @Operation(operationId = "listAlertSilences", summary = "List a branch's silences",
            description = "The branch's silences that are not over yet, earliest first.")
    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public List<Silence> active(@PathParam("branchId") String branchId) {
        return silences.notOver(Params.branch("branchId", branchId, true));
    }
}
