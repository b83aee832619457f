package io.hallwatch.marketing.hall.rest;

import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.security.Roles;
import io.hallwatch.marketing.hall.HallLedger;
import io.hallwatch.marketing.hall.domain.HallLoad;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;

/** The load marketing sizes pitches to, as it sees it now: for floor staff and for checking a threshold. */
@Path("/api/v1/branches/{branchId}/load")
@Produces(MediaType.APPLICATION_JSON)
public class HallLoadResource {

    private final HallLedger hall;
    private final Clock clock;

    HallLoadResource(HallLedger hall, Clock clock) {
        this.hall = hall;
        this.clock = clock;
    }

    public record LoadView(String branchId, int waiting, int busyThreshold, boolean busy, String pitchForm) {
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER})
    public LoadView get(@PathParam("branchId") @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String branchId) {
        HallLoad load = hall.load(branchId, clock.instant());
        return new LoadView(branchId, load.waiting(), load.busyThreshold(), load.busy(), load.busy() ? "SHORT" : "FULL");
    }
}
