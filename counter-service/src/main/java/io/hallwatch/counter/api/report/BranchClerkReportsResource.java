package io.hallwatch.counter.api.report;

import io.hallwatch.common.security.Roles;
import io.hallwatch.counter.domain.report.DailyReport;
import io.hallwatch.counter.service.report.DailyReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** Every clerk's day at one branch: the clerks' reports a branch manager opens from the board. */
@Path("/api/v1/branches/{branchId}/clerk-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "A clerk's day in figures")
public class BranchClerkReportsResource {

    private final DailyReportService reports;

    BranchClerkReportsResource(DailyReportService reports) {
        this.reports = reports;
    }

    /** The branch's clerks' reports of one day. */
    public record BranchClerkReports(String branchId, LocalDate date, List<DailyReport> clerks) {
    }

    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    @Operation(operationId = "getBranchClerkReports",
            summary = "Every clerk's day at a branch (branch-local date), as GET /clerks/{clerkId}/daily-report gives it",
            description = "One daily report per clerk who served, paused or marked a no-show at the branch that day, sorted by "
                    + "clerk id, each counting only that branch's records. 400 invalid-date unless date is like 2026-11-23.")
    public BranchClerkReports reports(@PathParam("branchId") String branchId, @QueryParam("date") String date) {
        LocalDate day = ReportDay.parse(date);
        return new BranchClerkReports(branchId, day, reports.branchReports(branchId, day));
    }
}
