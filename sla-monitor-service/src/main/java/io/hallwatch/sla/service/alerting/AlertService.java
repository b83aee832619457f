package io.hallwatch.sla.service.alerting;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.domain.alerting.Alert;
import io.hallwatch.sla.domain.alerting.RosterValidator;
import io.hallwatch.sla.metrics.AlertingMetrics;
import io.hallwatch.sla.store.alerting.AlertStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Alerts as a duty manager sees them, and their acknowledgement, which stops the escalation. */
@ApplicationScoped
public class AlertService {
    private final AlertStore store;
    private final AlertingMetrics metrics;
    private final AlertingConfig config;
    private final Clock clock;

    AlertService(AlertStore store, AlertingMetrics metrics, AlertingConfig config, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Newest first, at most 200; a null branch or status does not filter. */
    public List<Alert> list(String branchId, String status) {
        return store.list(branchId, status);
    }

    /** The alert, or a 404 problem. */
    public Alert find(String alertId) {
        return store.find(alertId).orElseThrow(() -> ProblemException.notFound("alert-not-found", "No alert " + alertId));
    }

    /** Acknowledged by {@code by} (a staff id); 409 when the alert is neither open nor acknowledged already. */
    @Transactional
    public Alert acknowledge(String alertId, String by) {
        if (by == null || !RosterValidator.STAFF_ID.matcher(by).matches()) {
            throw ProblemException.badRequest("invalid-ack", "by: required, a staff id");
        }
        Alert a = find(alertId);
        Instant now = clock.instant();
        if (store.ack(alertId, by, now)) {
            metrics.acknowledged(a.branchId(), Duration.between(a.createdAt(), now));
        } else if (!"ACKNOWLEDGED".equals(a.status())) {
            throw ProblemException.conflict("alert-not-open", "Alert " + alertId + " is " + a.status());
        }
        return find(alertId);
    }

    /**
     * The one-click link in a message: signed for the alert and the person, valid until
     * {@code expires} (epoch seconds), and once: a second use (a forwarded SMS, a replay) changes
     * nothing and says so.
     */
    @Transactional
    public Alert acknowledgeByLink(String alertId, String by, long expires, String sig) {
        if (config.ackLinkSecret().isEmpty() || by == null
                || !AckLinks.valid(config.ackLinkSecret().get(), alertId, by, expires, sig, clock.instant())) {
            throw new ProblemException(403, "invalid-ack-link", "Forbidden", "The link is not valid or has expired");
        }
        if (!store.useAckLink(sig, alertId, by, Instant.ofEpochSecond(expires), clock.instant())) {
            Instant usedAt = store.ackLinkUsedAt(sig, alertId).orElse(null);
            throw ProblemException.conflict("ack-link-used", "This acknowledgement link was already used"
                    + (usedAt == null ? "" : " at " + usedAt) + "; the alert is " + find(alertId).status());
        }
        return acknowledge(alertId, by);
    }
}
