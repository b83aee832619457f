package io.hallwatch.sla.service.policy;

import io.hallwatch.sla.events.policy.StandardEvents;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.sla.domain.policy.PolicyValidator;
import io.hallwatch.sla.domain.policy.PolicyVersion;
import io.hallwatch.sla.store.policy.PolicyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * The service standard, owned here as the SLA policy's versions: read, and changed by appending a
 * version that applies to tickets issued from then on, recorded with who made it, why, and what it
 * changed, and published in the same transaction on {@code hallwatch.standard.v1}, from which every
 * other service learns it. The version in force is published again at every start, so that a new or
 * emptied topic never leaves the followers without one (they keep the highest version they read).
 */
@ApplicationScoped
public class PolicyService {
    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    private final PolicyStore store;
    private final StandardEvents events;
    private final Clock clock;

    PolicyService(PolicyStore store, StandardEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void publishAtStart(@Observes StartupEvent event) {
        PolicyVersion current = store.history().current();
        events.published(current);
        LOG.infof("Service standard version %d published on hallwatch.standard.v1", current.version());
    }

    public PolicyHistory history() {
        return store.history();
    }

    /** One version, or a 404 problem. */
    public PolicyVersion version(int version) {
        return store.history().version(version)
                .orElseThrow(() -> ProblemException.notFound("sla-policy-version-not-found", "No policy version " + version));
    }

    /**
     * Appends the version {@code document} makes on top of {@code basedOnVersion}: 400 listing
     * every problem of the change, 409 when it was edited from an older version than the current
     * one (instead of silently undoing someone else's change).
     */
    @Transactional
    public PolicyVersion change(Integer basedOnVersion, String changedBy, String reason, ServiceStandard document) {
        List<String> problems = PolicyValidator.problems(basedOnVersion, changedBy, reason, document);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-sla-policy", String.join("; ", problems));
        }
        store.lockForAppend();
        PolicyHistory history = store.history();
        PolicyVersion current = history.current();
        if (current.version() != basedOnVersion) {
            throw ProblemException.conflict("sla-policy-version-conflict", "The policy is at version " + current.version()
                    + ", not " + basedOnVersion + "; read it again and apply your change to it");
        }
        PolicyVersion next = history.next(document, changedBy, reason, clock.instant());
        store.insert(next);
        events.published(next);
        LOG.infof("SLA policy version %d in force from %s (%d changes)", next.version(), next.effectiveFrom(), next.changes().size());
        return next;
    }
}
