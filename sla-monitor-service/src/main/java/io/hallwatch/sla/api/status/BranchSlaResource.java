package io.hallwatch.sla.api.status;

import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.status.BranchStatus;
import io.hallwatch.sla.domain.status.SlaReport;
import io.hallwatch.sla.service.status.BranchStatusService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** One branch's SLA situation now, and its daily report. */
@Path("/api/v1/branches/{branchId}")
@Produces(MediaType.APPLICATION_JSON)
public class BranchSlaResource {
    private final BranchStatusService branches;

    BranchSlaResource(BranchStatusService branches) {
        this.branches = branches;
    }

    @GET
    @Path("/sla-status")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public BranchStatus status(@PathParam("branchId") String branchId) {
        return branches.status(Params.branch("branchId", branchId, true));
    }

    /** @param date the day, YYYY-MM-DD, in the branches' time zone ({@code hallwatch.sla.report-zone}) */
    @GET
    @Path("/sla-report")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public SlaReport report(@PathParam("branchId") String branchId, @QueryParam("date") String date) {
        String branch = Params.branch("branchId", branchId, true);
        return branches.report(branch, Params.date("date", date));
    }
}
