package io.hallwatch.queue.api.staffing;

import io.hallwatch.common.security.Roles;
import io.hallwatch.queue.domain.staffing.HourAdvice;
import io.hallwatch.queue.service.day.DayService;
import io.hallwatch.queue.service.staffing.StaffingService;
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
import java.time.LocalTime;
import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forecasts", description = "How well the waits told at issue came true, and the counters each hour needs")
public class StaffingResource {

    private final StaffingService staffing;
    private final DayService days;

    StaffingResource(StaffingService staffing, DayService days) {
        this.staffing = staffing;
        this.days = days;
    }

    /** One hour: customers expected, their mean handling, the load, the counters needed and the verdict against those open now. */
    public record Hour(LocalTime hour, double arrivalsExpected, HourAdvice.ArrivalSource source, double meanHandlingSeconds,
                       double offeredLoadErlangs, int countersNeeded, int countersOpen, double shareOverLimitWithOpen,
                       boolean understaffed) {
        static Hour of(HourAdvice a) {
            return new Hour(a.hour(), round(a.arrivals()), a.source(), round(a.meanHandlingSeconds()), round(a.offeredLoad()),
                    a.countersNeeded(), a.countersOpen(), Math.round(a.shareOverLimitWithOpen() * 10000) / 10000.0, a.understaffed());
        }

        private static double round(double v) {
            return Math.round(v * 100) / 100.0;
        }
    }

    public record StaffingView(String branchId, LocalDate date, long waitLimitSeconds, double maxShareOverLimit, int countersOpenNow,
                               List<Hour> hours) {
    }

    @GET
    @Path("/branches/{branchId}/staffing")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getStaffing", summary = "Counters a branch needs, hour by hour",
            description = "For each hour of the branch's regular opening hours: customers expected (the mean of the same "
                    + "weekday-hour over the last weeks that had tickets, HISTORY; today without history, the last hour's "
                    + "arrivals as the rate of every hour, LIVE_RATE; else NONE), their mean handling over the expected mix of "
                    + "business types, the offered load in Erlangs, and the counters needed so that at most 5 % of customers "
                    + "wait past the wait limit (Erlang C), against the counters open now: the share expected past the limit "
                    + "with them and whether the hour is understaffed. 'date' (YYYY-MM-DD, branch-local) defaults to the day "
                    + "open now, else the last one that opened.")
    public StaffingView staffing(@PathParam("branchId") String branchId, @QueryParam("date") String date) {
        StaffingService.StaffingPlan p = staffing.plan(branchId, days.reportDay(branchId, date));
        return new StaffingView(p.branchId(), p.date(), p.waitLimit().toSeconds(), p.maxShareOverLimit(), p.countersOpenNow(),
                p.hours().stream().map(Hour::of).toList());
    }
}
