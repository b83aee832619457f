package io.hallwatch.queue.api.forecast;

import io.hallwatch.common.security.Roles;
import io.hallwatch.queue.service.day.DayService;
import io.hallwatch.queue.service.forecast.EtaAccuracyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forecasts", description = "How well the waits told at issue came true, and the counters each hour needs")
public class EtaAccuracyResource {

    private final EtaAccuracyService accuracy;
    private final DayService days;

    EtaAccuracyResource(EtaAccuracyService accuracy, DayService days) {
        this.accuracy = accuracy;
        this.days = days;
    }

    @GET
    @Path("/branches/{branchId}/eta-accuracy")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getEtaAccuracy", summary = "How well a branch's day was foretold",
            description = "For every customer called that day: the wait they were told at issue against the wait they "
                    + "had (issue to first call). Mean absolute error, share within ±3 minutes and bias (actual minus "
                    + "estimate: positive when customers waited longer than told), in seconds, for the estimate given "
                    + "(forecast) and for what the earlier formula would have said to the same customers (basic); in "
                    + "total, for customers with fewer than 30 people ahead at issue, and per business type. 'date' "
                    + "(YYYY-MM-DD, the branch's local day) defaults to the day open now, else the last one that opened.")
    public EtaAccuracyView accuracy(@PathParam("branchId") String branchId, @QueryParam("date") String date) {
        return EtaAccuracyView.of(accuracy.report(branchId, days.reportDay(branchId, date)));
    }
}
