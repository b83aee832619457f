package io.hallwatch.counter.report;

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

    DailyReportResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Operation(summary = "A clerk's day (branch-local date): served per type, mean and p90 handling, over-limit, pauses, no-shows")
    public DailyReport report(@PathParam("clerkId") String clerkId, @QueryParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "date must be a day like 2026-11-23");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> services = em.createNativeQuery("""
                        SELECT business_type, handling_seconds, limit_seconds FROM service_record
                        WHERE clerk_id = ?1 AND service_day = ?2 AND finished_at IS NOT NULL""")
                .setParameter(1, clerkId).setParameter(2, day).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> pauses = em.createNativeQuery("""
                        SELECT reason, sum(duration_seconds) FROM counter_pause
                        WHERE clerk_id = ?1 AND service_day = ?2 AND ended_at IS NOT NULL GROUP BY reason""")
                .setParameter(1, clerkId).setParameter(2, day).getResultList();
        Number noShows = (Number) em.createNativeQuery("SELECT count(*) FROM no_show_record WHERE clerk_id = ?1 AND service_day = ?2")
                .setParameter(1, clerkId).setParameter(2, day).getSingleResult();
        Map<String, Long> paused = new TreeMap<>();
        pauses.forEach(p -> paused.put((String) p[0], ((Number) p[1]).longValue()));
        return DailyReport.of(clerkId, day, services.stream()
                        .map(r -> new ServiceFact((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).intValue())).toList(),
                paused, noShows.intValue());
    }
}
