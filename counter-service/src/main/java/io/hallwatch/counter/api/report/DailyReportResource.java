package io.hallwatch.counter.api.report;

import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.BranchForbiddenException;
import io.hallwatch.common.security.BranchScope;
import io.hallwatch.common.security.Roles;
import io.hallwatch.counter.domain.report.BranchFilter;
import io.hallwatch.counter.domain.report.DailyReport;
import io.hallwatch.counter.service.report.DailyReportService;
import io.quarkus.security.ForbiddenException;
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

@Path("/api/v1/clerks/{clerkId}/daily-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "A clerk's day in figures")
public class DailyReportResource {

    private final DailyReportService reports;
    private final BranchAccess access;

    DailyReportResource(DailyReportService reports, BranchAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER})
    @Operation(operationId = "getDailyReport",
            summary = "A clerk's day (branch-local date): served per type, mean and p90 handling, over-limit, pauses, no-shows",
            description = "Customers served per business type with mean and p90 (nearest rank) handling seconds and the "
                    + "services over the limit, paused minutes by reason and no-shows on the given day. A clerk reads only "
                    + "their own day; duty managers and managers any clerk's, counted only in their branches. "
                    + "400 invalid-date unless date is like 2026-11-23.")
    public DailyReport report(@PathParam("clerkId") String clerkId, @QueryParam("date") String date) {
        LocalDate day = ReportDay.parse(date);
        // A clerk reads only their own day; managers read any clerk's, limited to their branches.
        if (!access.hasRole(Roles.DUTY_MANAGER) && !access.hasRole(Roles.MANAGER) && !clerkId.equals(access.subject())) {
            throw new ForbiddenException();
        }
        BranchScope scope = access.scope();
        if (!scope.everyBranch() && scope.branches().isEmpty()) {
            throw new BranchForbiddenException();
        }
        return reports.report(clerkId, day, scope.everyBranch() ? BranchFilter.EVERY_BRANCH : BranchFilter.only(scope.branches()));
    }
}
