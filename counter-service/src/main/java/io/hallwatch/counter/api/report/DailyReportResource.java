package io.hallwatch.counter.api.report;

import io.hallwatch.counter.domain.report.DailyReport;
import io.hallwatch.counter.domain.report.ServiceFact;

import jakarta.persistence.Query;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.security.Roles;
import io.hallwatch.common.security.BranchScope;
import io.hallwatch.common.security.BranchForbiddenException;
import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/api/v1/clerks/{clerkId}/daily-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class DailyReportResource {

    private final EntityManager em;
    private final BranchAccess access;

    DailyReportResource(EntityManager em, BranchAccess access) {
        this.em = em;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER})
    @Operation(summary = "A clerk's day (branch-local date): served per type, mean and p90 handling, over-limit, pauses, no-shows")
    public DailyReport report(@PathParam("clerkId") String clerkId, @QueryParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "date must be a day like 2026-11-23");
        }
        // A clerk reads only their own day; managers read any clerk's, limited to their branches below.
        if (!access.hasRole(Roles.DUTY_MANAGER) && !access.hasRole(Roles.MANAGER) && !clerkId.equals(access.subject())) {
            throw new ForbiddenException();
        }
        BranchScope scope = access.scope();
        String inScope = scope.everyBranch() ? "" : " AND branch_id IN (?3)";
        List<String> branches = scope.everyBranch() ? List.of() : List.copyOf(scope.branches());
        if (!scope.everyBranch() && branches.isEmpty()) {
            throw new BranchForbiddenException();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> services = bind(em.createNativeQuery("""
                        SELECT business_type, handling_seconds, limit_seconds FROM service_record
                        WHERE clerk_id = ?1 AND service_day = ?2 AND finished_at IS NOT NULL""" + inScope), clerkId, day, branches)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> pauses = bind(em.createNativeQuery("""
                        SELECT reason, sum(duration_seconds) FROM counter_pause
                        WHERE clerk_id = ?1 AND service_day = ?2 AND ended_at IS NOT NULL""" + inScope + " GROUP BY reason"),
                clerkId, day, branches).getResultList();
        Number noShows = (Number) bind(em.createNativeQuery("SELECT count(*) FROM no_show_record WHERE clerk_id = ?1 AND service_day = ?2"
                + inScope), clerkId, day, branches).getSingleResult();
        Map<String, Long> paused = new TreeMap<>();
        pauses.forEach(p -> paused.put((String) p[0], ((Number) p[1]).longValue()));
        return DailyReport.of(clerkId, day, services.stream()
                        .map(r -> new ServiceFact((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).intValue())).toList(),
                paused, noShows.intValue());
    }

    private static Query bind(Query query, String clerkId, LocalDate day, List<String> branches) {
        query.setParameter(1, clerkId).setParameter(2, day);
        return branches.isEmpty() ? query : query.setParameter(3, branches);
    }
}
