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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One branch's SLA situation now, and its daily report. */
@Tag(name = "Branch SLA", description = "One branch's SLA situation now and its daily report")
@Path("/api/v1/branches/{branchId}")
@Produces(MediaType.APPLICATION_JSON)
public class BranchSlaResource {
    private final BranchStatusService branches;

    BranchSlaResource(BranchStatusService branches) {
        this.branches = branches;
    }

    @Operation(operationId = "getBranchSlaStatus", summary = "Read a branch's SLA situation now",
            description = "Customers waiting now and the longest wait, services running, the rolling average wait against "
                    + "its limit, open breaches and warnings, overall and per business type.")
    @GET
    @Path("/sla-status")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public BranchStatus status(@PathParam("branchId") String branchId) {
        return branches.status(Params.branch("branchId", branchId, true));
    }

    /** @param date the day, YYYY-MM-DD, in the branches' time zone ({@code hallwatch.sla.report-zone}) */
    @Operation(operationId = "getBranchSlaReport", summary = "Read a branch's daily SLA report",
            description = "For the tickets issued on a day (in the branches' time zone): customers, waits within and over "
                    + "their limit and the share within, services within their limit, the customers not served (notServed: "
                    + "closed BRANCH_CLOSED when the branch's day ended; waitEndedByClose of them were closed under their "
                    + "wait limit and are not judged) and the day's branch-average breaches, per business type and in total.")
    @GET
    @Path("/sla-report")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public SlaReport report(@PathParam("branchId") String branchId, @QueryParam("date") String date) {
        String branch = Params.branch("branchId", branchId, true);
        return branches.report(branch, Params.date("date", date));
    }
}
