package io.hallwatch.sla.api.policy;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.domain.policy.PolicyDocument;
import io.hallwatch.sla.domain.policy.PolicyValidator;
import io.hallwatch.sla.domain.policy.PolicyVersion;
import io.hallwatch.sla.store.policy.PolicyStore;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SLA policy: wait and handling limits per business type, overridable per branch and tier,
 * the early-warning fraction and the branch average rule. Every change is a new version that
 * applies to tickets issued from then on, recorded with who made it, why, and what it changed.
 */
@Path("/api/v1/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {
    private static final Logger LOG = Logger.getLogger(SlaPolicyResource.class);
    /** A staff or system id, not a name. */
    private static final Pattern ACTOR = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$");
    private static final int MAX_REASON = 500;

    private final PolicyStore store;
    private final Clock clock;

    SlaPolicyResource(PolicyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The policy in force for tickets issued now. */
    public record PolicyView(int version, Instant effectiveFrom, String changedBy, String reason,
                             PolicyDocument.Defaults defaults, PolicyDocument.BranchAverage branchAverage,
                             List<PolicyDocument.BusinessTypeLimits> businessTypes, List<PolicyDocument.OverrideRule> overrides) {
        static PolicyView of(PolicyVersion v) {
            PolicyDocument d = v.document();
            return new PolicyView(v.version(), v.effectiveFrom(), v.changedBy(), v.reason(), d.defaults(), d.branchAverage(),
                    d.businessTypes(), d.overrides());
        }
    }

    /** A new version: the whole policy as it should be, on top of the version it was edited from. */
    public record PolicyChange(Integer basedOnVersion, String changedBy, String reason,
                               PolicyDocument.Defaults defaults, PolicyDocument.BranchAverage branchAverage,
                               List<PolicyDocument.BusinessTypeLimits> businessTypes, List<PolicyDocument.OverrideRule> overrides) {
    }

    /** One line of the audit trail. */
    public record AuditEntry(int version, Instant effectiveFrom, String changedBy, String reason, List<String> changes) {
    }

    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    public PolicyView current() {
        return PolicyView.of(store.history().current());
    }

    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Path("/versions/{version}")
    public PolicyView version(@PathParam("version") String version) {
        int v = parseVersion(version);
        return store.history().versions().stream().filter(p -> p.version() == v).findFirst().map(PolicyView::of)
                .orElseThrow(() -> ProblemException.notFound("sla-policy-version-not-found", "No policy version " + v));
    }

    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Path("/history")
    public List<AuditEntry> history() {
        return store.history().versions().stream().sorted(Comparator.comparingInt(PolicyVersion::version).reversed())
                .map(v -> new AuditEntry(v.version(), v.effectiveFrom(), v.changedBy(), v.reason(), v.changes())).toList();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyView change(PolicyChange change) {
        List<String> problems = new ArrayList<>();
        if (change == null) {
            throw ProblemException.badRequest("invalid-sla-policy", "A policy document is required");
        }
        if (change.basedOnVersion() == null) {
            problems.add("basedOnVersion: required (the version you edited)");
        }
        if (change.changedBy() == null || !ACTOR.matcher(change.changedBy()).matches()) {
            problems.add("changedBy: required, a staff or system id (letters, digits, . _ @ -; up to 64)");
        }
        if (change.reason() != null && change.reason().length() > MAX_REASON) {
            problems.add("reason: at most " + MAX_REASON + " characters");
        }
        PolicyDocument document = new PolicyDocument(change.defaults(), change.branchAverage(), change.businessTypes(),
                change.overrides());
        problems.addAll(PolicyValidator.problems(document));
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-sla-policy", String.join("; ", problems));
        }
        PolicyVersion saved = store.append(change.basedOnVersion(), document, change.changedBy(), change.reason(), clock.instant());
        LOG.infof("SLA policy version %d in force from %s (%d changes)", saved.version(), saved.effectiveFrom(),
                saved.changes().size());
        return PolicyView.of(saved);
    }

    private static int parseVersion(String version) {
        try {
            int v = Integer.parseInt(version);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-sla-policy-version", "A policy version is a positive whole number");
    }
}
