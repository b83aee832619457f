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

import java.time.Instant;
import java.util.List;

/** A branch-wide silence: "we know, we are on it"; the branch's breaches are kept as QUIET alerts meanwhile. */
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

    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public List<Silence> active(@PathParam("branchId") String branchId) {
        return silences.notOver(Params.branch("branchId", branchId, true));
    }
}
