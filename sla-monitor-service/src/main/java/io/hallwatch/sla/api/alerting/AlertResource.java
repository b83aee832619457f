package io.hallwatch.sla.api.alerting;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.domain.alerting.RosterValidator;
import io.hallwatch.sla.metrics.AlertingMetrics;
import io.hallwatch.sla.service.alerting.AckLinks;
import io.hallwatch.sla.store.alerting.AlertStore;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Alerts and their state; acknowledging one stops its escalation. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    private static final Set<String> STATUSES = Set.of("OPEN", "ACKNOWLEDGED", "QUIET", "UNROUTED");

    private final AlertStore store;
    private final AlertingMetrics metrics;
    private final AlertingConfig config;
    private final Clock clock;
    @Inject
    BranchAccess access;

    AlertResource(AlertStore store, AlertingMetrics metrics, AlertingConfig config, Clock clock) {
        this.config = config;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Who acknowledges: a staff id. */
    public record Ack(String by) {
    }

    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public List<AlertStore.AlertView> list(@QueryParam("branchId") String branchId, @QueryParam("status") String status) {
        String branch = access.branchFilter(Params.branch("branchId", branchId, false));
        if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-parameter", "status must be one of OPEN, ACKNOWLEDGED, QUIET, UNROUTED");
        }
        return store.list(branch, status == null || status.isEmpty() ? null : status);
    }

    @GET
    @Path("/{alertId}")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public AlertStore.AlertView read(@PathParam("alertId") String alertId) {
        AlertStore.AlertView alert = one(alertId);
        access.check(alert.branchId());
        return alert;
    }

    /** Acknowledged by a duty manager of the alert's branch, with a token. */
    @POST
    @Path("/{alertId}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.DUTY_MANAGER)
    public AlertStore.AlertView acknowledge(@PathParam("alertId") String alertId, Ack ack) {
        access.check(one(alertId).branchId());
        return ack(alertId, ack);
    }

    AlertStore.AlertView one(String alertId) {
        return store.find(alertId).orElseThrow(() -> ProblemException.notFound("alert-not-found", "No alert " + alertId));
    }

    /** The one-click link in a message: signed for the alert and the person, valid until {@code exp}. */
    @GET
    @Path("/{alertId}/ack-link")
    @PermitAll // no JWT: the link carries its own signed token
    @Transactional
    public AlertStore.AlertView ackLink(@PathParam("alertId") String alertId, @QueryParam("by") String by,
                                        @QueryParam("exp") String exp, @QueryParam("sig") String sig) {
        long expires;
        try {
            expires = Long.parseLong(exp);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(403, "invalid-ack-link", "Forbidden", "The link is not valid");
        }
        if (config.ackLinkSecret().isEmpty() || by == null
                || !AckLinks.valid(config.ackLinkSecret().get(), alertId, by, expires, sig, clock.instant())) {
            throw new ProblemException(403, "invalid-ack-link", "Forbidden", "The link is not valid or has expired");
        }
        // Single use: a second click (a forwarded SMS, a replay) changes nothing and says so.
        if (!store.useAckLink(sig, alertId, by, java.time.Instant.ofEpochSecond(expires), clock.instant())) {
            java.time.Instant usedAt = store.ackLinkUsedAt(sig).orElse(null);
            throw ProblemException.conflict("ack-link-used", "This acknowledgement link was already used"
                    + (usedAt == null ? "" : " at " + usedAt) + "; the alert is " + one(alertId).status());
        }
        return ack(alertId, new Ack(by));
    }

    AlertStore.AlertView ack(String alertId, Ack ack) {
        if (ack == null || ack.by() == null || !RosterValidator.STAFF_ID.matcher(ack.by()).matches()) {
            throw ProblemException.badRequest("invalid-ack", "by: required, a staff id");
        }
        AlertStore.AlertView a = one(alertId);
        java.time.Instant now = clock.instant();
        if (store.ack(alertId, ack.by(), now)) {
            metrics.acknowledged(a.branchId(), java.time.Duration.between(a.createdAt(), now));
        } else if (!"ACKNOWLEDGED".equals(a.status())) {
            throw ProblemException.conflict("alert-not-open", "Alert " + alertId + " is " + a.status());
        }
        return one(alertId);
    }
}
