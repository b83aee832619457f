package io.hallwatch.queue.api.appointment;

import io.hallwatch.queue.api.Created;

import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.common.problem.IdempotencyKeys;
import io.hallwatch.queue.api.appointment.AppointmentViews.AppointmentView;
import io.hallwatch.queue.api.appointment.AppointmentViews.PlanView;
import io.hallwatch.queue.api.appointment.AppointmentViews.SlotView;
import io.hallwatch.queue.service.appointment.AppointmentService;
import io.hallwatch.queue.service.day.DayService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers before they arrive", description = "Remote tickets and appointments, for the online channels")
public class AppointmentResource {

    private final AppointmentService appointments;
    private final DayService days;
    private final BranchAccess access;

    AppointmentResource(AppointmentService appointments, DayService days, BranchAccess access) {
        this.appointments = appointments;
        this.days = days;
        this.access = access;
    }

    @PUT
    @Path("/branches/{branchId}/appointment-plans/{businessType}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setAppointmentPlan", summary = "Set how a business type of a branch takes appointments",
            description = "The opening hours cut into slots of slotMinutes (5–240) from the opening, capacity (0–100) places "
                    + "each; capacity 0 takes no new bookings (those made stay). A type the branch does not offer is 422.")
    public PlanView setPlan(@PathParam("branchId") String branchId,
                            @PathParam("businessType") @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String businessType,
                            @Valid @NotNull AppointmentRequests.Plan request) {
        return PlanView.of(appointments.setPlan(branchId, businessType, request.slotMinutes(), request.capacity()));
    }

    @GET
    @Path("/branches/{branchId}/appointment-plans")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.DUTY_MANAGER, Roles.ONLINE_HALL, Roles.KIOSK})
    @Operation(operationId = "listAppointmentPlans", summary = "The business types of a branch that take appointments")
    public List<PlanView> plans(@PathParam("branchId") String branchId) {
        return appointments.plans(branchId).stream().map(PlanView::of).toList();
    }

    @GET
    @Path("/branches/{branchId}/appointment-slots")
    @RolesAllowed({Roles.ONLINE_HALL, Roles.KIOSK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "listAppointmentSlots", summary = "A day's slots of a business type, with their free places",
            description = "date is the branch's local day (YYYY-MM-DD; without it the current service day). Empty where the "
                    + "type takes no appointments.")
    public List<SlotView> slots(@PathParam("branchId") String branchId,
                                @QueryParam("businessType") @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String businessType,
                                @QueryParam("date") String date) {
        return appointments.slots(branchId, businessType, days.reportDay(branchId, date)).stream().map(SlotView::of).toList();
    }

    @POST
    @Path("/branches/{branchId}/appointments")
    @RolesAllowed(Roles.ONLINE_HALL)
    @Operation(operationId = "bookAppointment", summary = "Book a place in a slot",
            description = "Answers the appointment with its eight-digit checkInCode for the kiosk (201; Location its "
                    + "address). An Idempotency-Key makes a retry answer the same appointment (200). 422 no-appointments, "
                    + "not-a-slot, too-far-ahead, business-type-not-offered; 409 slot-full, slot-passed.")
    public Response book(@PathParam("branchId") String branchId, @Valid @NotNull AppointmentRequests.Book request,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        AppointmentService.Booked booked = appointments.book(branchId, request.businessType(), request.slotStart(),
                request.customerRef(), IdempotencyKeys.checked(idempotencyKey));
        AppointmentView view = AppointmentView.of(booked.booking());
        return Created.of(uri, "api/v1/appointments/{id}", view.appointmentId(), booked.created(), view);
    }

    @GET
    @Path("/branches/{branchId}/appointments")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "listAppointments", summary = "A day's appointments at a branch, by slot",
            description = "date is the branch's local day (YYYY-MM-DD; without it the current service day).")
    public List<AppointmentView> ofDay(@PathParam("branchId") String branchId, @QueryParam("date") String date) {
        return appointments.ofDay(branchId, days.reportDay(branchId, date)).stream().map(AppointmentView::of).toList();
    }

    @GET
    @Path("/appointments/{appointmentId}")
    @RolesAllowed({Roles.ONLINE_HALL, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getAppointment", summary = "An appointment and its check-in window")
    public AppointmentView find(@PathParam("appointmentId") UUID appointmentId) {
        access.check(appointments.branchOf(appointmentId));
        return AppointmentView.of(appointments.find(appointmentId));
    }

    @POST
    @Path("/appointments/{appointmentId}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ONLINE_HALL, Roles.DUTY_MANAGER})
    @Operation(operationId = "cancelAppointment", summary = "Cancel a booked appointment",
            description = "The place in the slot is free again. An appointment no longer BOOKED is 409 appointment-not-booked.")
    public AppointmentView cancel(@PathParam("appointmentId") UUID appointmentId) {
        access.check(appointments.branchOf(appointmentId));
        return AppointmentView.of(appointments.cancel(appointmentId));
    }
}
