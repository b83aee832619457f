package io.hallwatch.sla.api.policy;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.sla.domain.policy.PolicyVersion;
import io.hallwatch.sla.service.policy.PolicyService;
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
import java.util.Comparator;
import java.util.List;

/**
 * The SLA policy: wait and handling limits per business type, overridable per branch and tier,
 * the early-warning fraction and the branch average rule. Every change is a new version that
 * applies to tickets issued from then on, recorded with who made it, why, and what it changed.
 */
@Tag(name = "SLA policy", description = "The versioned SLA policy: wait and handling limits, warning share, branch average, overrides")
@Path("/api/v1/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {
    private final PolicyService policies;

    SlaPolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    /** The policy in force for tickets issued now. */
    public record PolicyView(int version, Instant effectiveFrom, String changedBy, String reason,
                             ServiceStandard.Defaults defaults, ServiceStandard.BranchAverage branchAverage,
                             List<ServiceStandard.BusinessTypeLimits> businessTypes, List<ServiceStandard.OverrideRule> overrides) {
        static PolicyView of(PolicyVersion v) {
            ServiceStandard d = v.document();
            return new PolicyView(v.version(), v.effectiveFrom(), v.changedBy(), v.reason(), d.defaults(), d.branchAverage(),
                    d.businessTypes(), d.overrides());
        }
    }

    /** A new version: the whole policy as it should be, on top of the version it was edited from. */
    public record PolicyChange(Integer basedOnVersion, String changedBy, String reason,
                               ServiceStandard.Defaults defaults, ServiceStandard.BranchAverage branchAverage,
                               List<ServiceStandard.BusinessTypeLimits> businessTypes, List<ServiceStandard.OverrideRule> overrides) {
    }

    /** One line of the audit trail. */
    public record AuditEntry(int version, Instant effectiveFrom, String changedBy, String reason, List<String> changes) {
    }

    @Operation(operationId = "getSlaPolicy", summary = "Read the SLA policy in force",
            description = "The policy version that applies to tickets issued now: defaults, branch average, limits per "
                    + "business type and overrides per branch and tier.")
    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    public PolicyView current() {
        return PolicyView.of(policies.history().current());
    }

    @Operation(operationId = "getSlaPolicyVersion", summary = "Read one SLA policy version",
            description = "A past or current version of the policy by its number, as it was written.")
    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Path("/versions/{version}")
    public PolicyView version(@PathParam("version") String version) {
        return PolicyView.of(policies.version(parseVersion(version)));
    }

    @Operation(operationId = "getSlaPolicyHistory", summary = "Read the SLA policy's audit trail",
            description = "Every version newest first: when it took effect, who changed it, why, and each value it changed.")
    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN})
    @Path("/history")
    public List<AuditEntry> history() {
        return policies.history().versions().stream().sorted(Comparator.comparingInt(PolicyVersion::version).reversed())
                .map(v -> new AuditEntry(v.version(), v.effectiveFrom(), v.changedBy(), v.reason(), v.changes())).toList();
    }

    @Operation(operationId = "changeSlaPolicy", summary = "Change the SLA policy",
            description = "Appends a version, in force for tickets issued from now on, from the whole policy as it should "
                    + "be. basedOnVersion must be the current version (409 otherwise); every invalid value is named in"
                    + " one 400 problem.")
    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyView change(PolicyChange change) {
        if (change == null) {
            throw ProblemException.badRequest("invalid-sla-policy", "A policy document is required");
        }
        return PolicyView.of(policies.change(change.basedOnVersion(), change.changedBy(), change.reason(),
                new ServiceStandard(change.defaults(), change.branchAverage(), change.businessTypes(), change.overrides())));
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
