package io.hallwatch.queue.api.checkin;

import io.hallwatch.queue.api.Created;

import io.hallwatch.common.security.Roles;
import io.hallwatch.queue.api.ticket.TicketView;
import io.hallwatch.queue.domain.appointment.CheckInCodes;
import io.hallwatch.queue.service.appointment.AppointmentService;
import io.hallwatch.queue.service.ticket.TicketService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/branches/{branchId}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "What kiosks and counter terminals do with tickets")
public class CheckInResource {

    private final TicketService tickets;
    private final AppointmentService appointments;

    CheckInResource(TicketService tickets, AppointmentService appointments) {
        this.tickets = tickets;
        this.appointments = appointments;
    }

    @POST
    @RolesAllowed(Roles.KIOSK)
    @Operation(operationId = "checkIn", summary = "Check a customer in who came with a remote ticket or an appointment (kiosk)",
            description = "The code is a remote ticket's number or six-digit code, or an appointment's eight-digit code. "
                    + "The ticket joins the queue now (201, with its position and estimate; Location its address): a remote "
                    + "ticket waits from the check-in; an appointment checked in from 15 minutes before to 10 minutes after "
                    + "its slot is called ahead of walk-up tickets of its type from the slot's start and waits from the later "
                    + "of the slot and the check-in, later it is an ordinary ticket. A code already checked in answers its "
                    + "ticket again (200, Idempotent-Replayed: true). 404 check-in-code-unknown; 409 remote-ticket-expired, "
                    + "check-in-too-early, appointment-missed, appointment-cancelled, branch-closed.")
    public Response checkIn(@PathParam("branchId") String branchId, @Valid @NotNull CheckInRequest request, UriInfo uri) {
        TicketService.Issued issued = CheckInCodes.isAppointmentCode(request.code())
                ? appointments.checkIn(branchId, request.code())
                : tickets.checkInRemote(branchId, request.code());
        TicketView ticket = TicketView.of(issued.ticket());
        return Created.of(uri, "api/v1/tickets/{id}", ticket.ticketId(), issued.created(), ticket);
    }
}
