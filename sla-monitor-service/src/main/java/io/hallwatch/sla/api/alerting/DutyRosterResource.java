package io.hallwatch.sla.api.alerting;

import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.alerting.BranchRoster;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import io.hallwatch.sla.service.alerting.DutyRosterService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** A branch's duty roster. Every address in a response is masked; none is ever logged. */
@Tag(name = "Duty rosters", description = "Who is paged when, how to reach them, the escalation chain and the branch's opening hours")
@Path("/api/v1/branches/{branchId}/duty-roster")
@Produces(MediaType.APPLICATION_JSON)
public class DutyRosterResource {
    private final DutyRosterService rosters;

    DutyRosterResource(DutyRosterService rosters) {
        this.rosters = rosters;
    }

    /** The roster as the API shows it: addresses masked. */
    public record RosterView(String branchId, int revision, Instant updatedAt, List<DutyRoster.Shift> shifts,
                             DutyRoster.Escalation escalation, List<DutyRoster.Hours> openingHours, List<String> closedDates) {
        static RosterView of(BranchRoster s) {
            DutyRoster m = s.roster().masked();
            return new RosterView(s.branchId(), s.revision(), s.updatedAt(), m.shifts(), m.escalation(), m.openingHours(), m.closedDates());
        }
    }

    @Operation(operationId = "getDutyRoster", summary = "Read a branch's duty roster",
            description = "Shifts, managers and their channels in the order tried, the escalation chain, opening hours and"
                    + " closed dates, with revision and update time. Phone numbers are masked.")
    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    public RosterView get(@PathParam("branchId") String branchId) {
        return RosterView.of(rosters.find(Params.branch("branchId", branchId, true)));
    }

    @Operation(operationId = "putDutyRoster", summary = "Replace a branch's duty roster",
            description = "The whole roster as it should be from now on; every invalid field is named in one 400 problem. "
                    + "Addresses are stored for delivery only and masked in the answer.")
    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public RosterView put(@PathParam("branchId") String branchId, DutyRoster roster) {
        return RosterView.of(rosters.put(Params.branch("branchId", branchId, true), roster));
    }
}
