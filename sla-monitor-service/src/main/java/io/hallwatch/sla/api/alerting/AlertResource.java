package io.hallwatch.sla.api.alerting;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.alerting.Alert;
import io.hallwatch.sla.service.alerting.AlertService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/** Alerts and their state; acknowledging one stops its escalation. */
@Tag(name = "Alerts", description = "Duty-manager alerts about SLA breaches: their state, escalation and acknowledgement")
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    private static final Set<String> STATUSES = Set.of("OPEN", "ACKNOWLEDGED", "QUIET", "UNROUTED");

    private final AlertService alerts;
    @Inject
    BranchAccess access;

    AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    /** Who acknowledges: a staff id. */
    public record Ack(String by) {
    }

    @Operation(operationId = "listAlerts", summary = "List alerts",
            description = "Alerts newest first, at most 200, optionally of one branch and one status (OPEN, ACKNOWLEDGED, "
                    + "QUIET, UNROUTED), with their level, breaches, first delivery and acknowledgement. A token "
                    + "limited to some branches must name one.")
    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public List<Alert> list(@QueryParam("branchId") String branchId, @QueryParam("status") String status) {
        String branch = access.branchFilter(Params.branch("branchId", branchId, false));
        if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-parameter", "status must be one of OPEN, ACKNOWLEDGED, QUIET, UNROUTED");
        }
        return alerts.list(branch, status == null || status.isEmpty() ? null : status);
    }

    @Operation(operationId = "getAlert", summary = "Read one alert",
            description = "One alert with its status, escalation level, number of breaches, first delivery and "
                    + "acknowledgement; only for a caller of the alert's branch.")
    @GET
    @Path("/{alertId}")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public Alert read(@PathParam("alertId") String alertId) {
        Alert alert = alerts.find(alertId);
        access.check(alert.branchId());
        return alert;
    }

    /** Acknowledged by a duty manager of the alert's branch, with a token. */
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert",
            description = "A duty manager of the alert's branch takes the alert: its escalation stops and who acknowledged"
                    + " it when is recorded. An alert neither open nor acknowledged already is a 409 problem.")
    @POST
    @Path("/{alertId}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DUTY_MANAGER)
    public Alert acknowledge(@PathParam("alertId") String alertId, Ack ack) {
        access.check(alerts.find(alertId).branchId());
        return alerts.acknowledge(alertId, ack == null ? null : ack.by());
    }

    /** The one-click link in a message: signed for the alert and the person, valid until {@code exp}. */
    @Operation(operationId = "acknowledgeAlertByLink", summary = "Acknowledge an alert from the link in a message",
            description = "The one-click link every SMS, WeCom, DingTalk or webhook message carries; it needs no token of "
                    + "its own because it is signed (HMAC-SHA256 over alert, person and expiry). A forged or expired "
                    + "link is a 403 problem; a link works once, a second use is a 409 problem and changes nothing.")
    @GET
    @Path("/{alertId}/ack-link")
    @PermitAll // no JWT: the link carries its own signed token
    public Alert ackLink(@PathParam("alertId") String alertId, @QueryParam("by") String by,
                         @QueryParam("exp") String exp, @QueryParam("sig") String sig) {
        long expires;
        try {
            expires = Long.parseLong(exp);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(403, "invalid-ack-link", "Forbidden", "The link is not valid");
        }
        return alerts.acknowledgeByLink(alertId, by, expires, sig);
    }
}
