package io.hallwatch.queue.api.day;

import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.queue.domain.day.DayExtension;
import io.hallwatch.queue.service.day.DayService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service day", description = "A branch's day: its hours, the duty manager's extensions, its end and its report")
public class ServiceDayResource {

    private final DayService days;
    private final BranchAccess access;

    ServiceDayResource(DayService days, BranchAccess access) {
        this.days = days;
        this.access = access;
    }

    @POST
    @Path("/branches/{branchId}/day-extensions")
    @RolesAllowed(Roles.DUTY_MANAGER)
    @Operation(operationId = "extendServiceDay", summary = "Keep the branch open late (duty manager)",
            description = "Records that the branch stays open until 'until' (a date-time with its offset): kiosks keep "
                    + "issuing tickets and the day ends (its open tickets closed BRANCH_CLOSED) at 'until' plus the branch's "
                    + "grace. An end past midnight belongs to the day it extends. Every request is kept with who asked, when "
                    + "and why; the latest one for a day is in force. 409 day-already-closed once that day has ended; 422 "
                    + "invalid-extension for an end not after the regular closing or not in the future.")
    public Response extend(@PathParam("branchId") String branchId, @Valid @NotNull DayExtensionRequest request, UriInfo uri) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason();
        DayExtension e = days.extend(branchId, request.until().toInstant(), reason, access.subject());
        return Response.status(201)
                .location(uri.getBaseUriBuilder().path("api/v1/branches/{b}/service-day").queryParam("date", e.serviceDay())
                        .build(branchId))
                .entity(DayExtensionView.of(e)).build();
    }

    @GET
    @Path("/branches/{branchId}/service-day")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getServiceDay", summary = "A branch's service day and its report",
            description = "The day's hours (regular, and as instants with any extension), where it stands (NOT_OPEN_YET, "
                    + "OPEN, CLOSING: closed to new tickets during the grace, CLOSED), the extensions recorded and its tickets: "
                    + "issued, served, no-show, cancelled, notServed (closed at the day's end, BRANCH_CLOSED) and open. "
                    + "'date' (YYYY-MM-DD, the branch's local day) defaults to the day open now, else the last one that opened.")
    public ServiceDayView day(@PathParam("branchId") String branchId, @QueryParam("date") String date) {
        LocalDate day = days.reportDay(branchId, date);
        return ServiceDayView.of(days.report(branchId, day));
    }
}
