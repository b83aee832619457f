package io.hallwatch.sla.api.status;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.domain.status.BranchStatus;
import io.hallwatch.sla.domain.status.SlaReport;
import io.hallwatch.sla.store.status.BranchStatusQuery;
import io.hallwatch.sla.store.status.SlaReportQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;

/** One branch's SLA situation now, and its daily report. */
@Path("/api/v1/branches/{branchId}")
@Produces(MediaType.APPLICATION_JSON)
public class BranchSlaResource {
    private final BranchStatusQuery status;
    private final SlaReportQuery reports;
    private final SlaConfig config;
    private final Clock clock;

    BranchSlaResource(BranchStatusQuery status, SlaReportQuery reports, SlaConfig config, Clock clock) {
        this.status = status;
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/sla-status")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public BranchStatus status(@PathParam("branchId") String branchId) {
        return status.status(Params.branch("branchId", branchId, true), clock.instant());
    }

    /** @param date the day, YYYY-MM-DD, in the branches' time zone ({@code hallwatch.sla.report-zone}) */
    @GET
    @Path("/sla-report")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public SlaReport report(@PathParam("branchId") String branchId, @QueryParam("date") String date) {
        String branch = Params.branch("branchId", branchId, true);
        LocalDate day = Params.date("date", date);
        LocalDate today = LocalDate.ofInstant(clock.instant(), config.reportZone());
        if (day.isAfter(today)) {
            throw ProblemException.badRequest("invalid-parameter", "date " + day + " is after today (" + today + ")");
        }
        return reports.report(branch, day, config.reportZone(), clock.instant());
    }
}
