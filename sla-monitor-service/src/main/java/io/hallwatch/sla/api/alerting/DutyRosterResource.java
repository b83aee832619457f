package io.hallwatch.sla.api.alerting;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import io.hallwatch.sla.domain.alerting.RosterValidator;
import io.hallwatch.sla.store.alerting.RosterStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A branch's duty roster. Every address in a response is masked; none is ever logged. */
@Path("/api/v1/branches/{branchId}/duty-roster")
@Produces(MediaType.APPLICATION_JSON)
public class DutyRosterResource {
    private static final Logger LOG = Logger.getLogger(DutyRosterResource.class);

    private final RosterStore store;
    private final Clock clock;

    DutyRosterResource(RosterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The roster as the API shows it: addresses masked. */
    public record RosterView(String branchId, int revision, Instant updatedAt, List<DutyRoster.Shift> shifts,
                             DutyRoster.Escalation escalation, List<DutyRoster.Hours> openingHours, List<String> closedDates) {
        static RosterView of(RosterStore.Stored s) {
            DutyRoster m = s.roster().masked();
            return new RosterView(s.branchId(), s.revision(), s.updatedAt(), m.shifts(), m.escalation(), m.openingHours(), m.closedDates());
        }
    }

    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    public RosterView get(@PathParam("branchId") String branchId) {
        String branch = Params.branch("branchId", branchId, true);
        return store.find(branch).map(RosterView::of)
                .orElseThrow(() -> ProblemException.notFound("duty-roster-not-found", "Branch " + branch + " has no duty roster"));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public RosterView put(@PathParam("branchId") String branchId, DutyRoster roster) {
        String branch = Params.branch("branchId", branchId, true);
        List<String> problems = RosterValidator.problems(roster);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-duty-roster", String.join("; ", problems));
        }
        RosterStore.Stored saved = store.put(branch, roster, clock.instant());
        LOG.infof("Duty roster of branch %s at revision %d (%d shifts)", branch, saved.revision(), roster.shifts().size());
        return RosterView.of(saved);
    }
}
