package io.hallwatch.sla.service.alerting;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.sla.domain.alerting.BranchRoster;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import io.hallwatch.sla.domain.alerting.RosterValidator;
import io.hallwatch.sla.store.alerting.RosterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/** Branches' duty rosters: who is paged when, and the escalation chain. Addresses are never logged. */
@ApplicationScoped
public class DutyRosterService {
    private static final Logger LOG = Logger.getLogger(DutyRosterService.class);

    private final RosterStore store;
    private final Clock clock;

    DutyRosterService(RosterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The branch's roster, or a 404 problem. */
    public BranchRoster find(String branchId) {
        return store.find(branchId)
                .orElseThrow(() -> ProblemException.notFound("duty-roster-not-found", "Branch " + branchId + " has no duty roster"));
    }

    /** Replaces the branch's roster; a 400 problem names each bad field. */
    @Transactional
    public BranchRoster put(String branchId, DutyRoster roster) {
        List<String> problems = RosterValidator.problems(roster);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-duty-roster", String.join("; ", problems));
        }
        BranchRoster saved = store.put(branchId, roster, clock.instant());
        LOG.infof("Duty roster of branch %s at revision %d (%d shifts)", branchId, saved.revision(), roster.shifts().size());
        return saved;
    }
}
