package io.hallwatch.sla.service.alerting;

import io.hallwatch.common.AfterCommit;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.StaffingShortfallForecast;
import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.domain.alerting.AlertGrouping;
import io.hallwatch.sla.domain.alerting.AlertIds;
import io.hallwatch.sla.domain.alerting.AlertItem;
import io.hallwatch.sla.domain.alerting.AlertMessage;
import io.hallwatch.sla.domain.alerting.AlertText;
import io.hallwatch.sla.domain.alerting.BranchRoster;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import io.hallwatch.sla.domain.alerting.Escalation;
import io.hallwatch.sla.domain.alerting.Notifications;
import io.hallwatch.sla.domain.alerting.OpeningHours;
import io.hallwatch.sla.domain.alerting.PendingBreach;
import io.hallwatch.sla.domain.alerting.RosterRules;
import io.hallwatch.sla.domain.alerting.UnroutedWarnings;
import io.hallwatch.sla.metrics.AlertingMetrics;
import io.hallwatch.sla.store.alerting.AlertStore;
import io.hallwatch.sla.store.alerting.RosterStore;
import io.hallwatch.sla.store.alerting.SilenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is told what, and when: a breach becomes a page or joins its branch's open group, a closed
 * group window becomes one follow-up, an unacknowledged alert climbs the escalation chain. The
 * decisions are the domain's ({@link AlertGrouping}, {@link Escalation}, {@link AlertText},
 * {@link RosterRules}); this class reads their facts from the stores and writes what they decide,
 * in the caller's transaction. Every notification is written before anything is sent, once per
 * alert, purpose and person (its id); the dispatcher sends them.
 */
@ApplicationScoped
public class AlertPaging {
    private static final Logger LOG = Logger.getLogger(AlertPaging.class);

    private final AlertStore alerts;
    private final RosterStore rosters;
    private final SilenceStore silences;
    private final AlertingConfig config;
    private final AlertingMetrics metrics;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final UnroutedWarnings unroutedWarnings;

    AlertPaging(AlertStore alerts, RosterStore rosters, SilenceStore silences, AlertingConfig config, AlertingMetrics metrics,
                AfterCommit afterCommit, Clock clock) {
        this.alerts = alerts;
        this.rosters = rosters;
        this.silences = silences;
        this.config = config;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.unroutedWarnings = new UnroutedWarnings(config.unroutedWarningEvery());
    }

    /** What recording a breach led to. */
    public enum Recorded {
        /** Nothing new to send now (seen before, joined a group, quiet). */
        NOTHING,
        /** A page was written: the dispatcher should run once this commits. */
        PAGED,
        /** A new alert nobody could be paged for (no roster): kept as UNROUTED. */
        UNROUTED
    }

    /**
     * Records a breach once, as a new alert or into its branch's open group, in the consumer's
     * transaction; {@code eventId} is the id of the event that told it (a new alert's id is made from it). A breach
     * nobody could be paged for is counted, and logged at most once per branch per {@code unrouted-warning-every},
     * once committed.
     */
    public Recorded onBreach(UUID eventId, SlaBreached b) {
        Recorded recorded = record(eventId, AlertItem.of(b), clock.instant());
        if (recorded == Recorded.UNROUTED) {
            afterCommit.run(() -> {
                metrics.unrouted(b.branchId());
                if (unroutedWarnings.shouldWarn(b.branchId(), clock.instant())) {
                    LOG.warnf("SLA breach at branch %s paged nobody: the branch has no duty roster (alert kept as UNROUTED;"
                            + " PUT /api/v1/branches/%s/duty-roster). Next warning for this branch in %s at the earliest",
                            b.branchId(), b.branchId(), config.unroutedWarningEvery());
                }
            });
        }
        return recorded;
    }

    /**
     * The queue's forecast that the branch's next hour is understaffed: one page for the duty manager,
     * or a line in the branch's open group, like a breach; once however often the event is delivered.
     */
    public Recorded onStaffingShortfall(UUID eventId, StaffingShortfallForecast f) {
        return record(eventId, AlertItem.of(f, config.zone()), clock.instant());
    }

    private Recorded record(UUID eventId, AlertItem item, Instant now) {
        if (alerts.breachSeen(item.itemId())) {
            return Recorded.NOTHING; // seen before, under another event id: never twice
        }
        // Only an alert that began by now can take the item into its group: after a demo replays
        // a day on the same database (the clock set back), a later alert must not swallow pages.
        Optional<AlertStore.OpenAlert> open = alerts.lockOpenAlert(item.branchId(), now);
        Optional<BranchRoster> roster = rosters.find(item.branchId());
        boolean branchOpen = hours(roster).isOpen(local(now));
        boolean silenced = silences.inForce(item.branchId(), now);
        AlertGrouping.Decision d = AlertGrouping.onBreach(now, open.map(AlertStore.OpenAlert::groupUntil), branchOpen, silenced);
        if (d == AlertGrouping.Decision.JOIN_GROUP) {
            alerts.insertItem(item, open.get().alertId(), false);
            return Recorded.NOTHING;
        }
        String alertId = AlertIds.of(eventId, item);
        int level = Escalation.firstLevel(item.branchLevel());
        alerts.insertAlert(alertId, item, d.newAlertStatus(), level, now, AlertGrouping.windowEnd(now, config.groupWindow()));
        alerts.insertItem(item, alertId, true);
        if (d == AlertGrouping.Decision.QUIET) {
            return Recorded.NOTHING;
        }
        if (notifyLevel(alertId, roster, level, Notifications.first(level), item.page().of(alertId), now) > 0) {
            return Recorded.PAGED;
        }
        // Nobody to page: kept visible (GET /api/v1/alerts?status=UNROUTED) instead of vanishing.
        alerts.markUnrouted(alertId);
        return Recorded.UNROUTED;
    }

    /**
     * Groups' follow-ups and escalations that are due now, in the caller's (short) transaction;
     * returns how many notifications were written.
     */
    public int housekeeping(Instant now) {
        int written = 0;
        // Follow-ups: a closed group window with breaches not told yet → one message listing them.
        for (AlertStore.ClosedGroup g : alerts.lockClosedGroups(now)) {
            List<PendingBreach> pending = alerts.untold(g.alertId());
            int followUp = g.followUps() + 1;
            written += notifyLevel(g.alertId(), rosters.find(g.branchId()), g.level(), Notifications.followUp(followUp),
                    AlertText.followUp(g.alertId(), g.branchId(), pending), now);
            alerts.followedUp(g.alertId(), followUp, AlertGrouping.windowEnd(now, config.groupWindow()));
        }
        // Escalation: unacknowledged after escalate-after → the next level, referencing the alert.
        for (AlertStore.Unacknowledged a : alerts.lockUnacknowledged(Escalation.dueIfLevelSetBy(now, config.escalateAfter()),
                Escalation.TOP)) {
            int level = Escalation.next(a.level());
            alerts.raiseLevel(a.alertId(), level, now);
            written += notifyLevel(a.alertId(), rosters.find(a.branchId()), level, Notifications.escalatedTo(level),
                    AlertText.escalated(a.alertId(), a.branchId(), level, config.escalateAfter()), now);
            metrics.escalated(a.branchId());
        }
        return written;
    }

    /** Writes one notification per person of the level (none when the branch has no roster). */
    private int notifyLevel(String alertId, Optional<BranchRoster> roster, int level, String purpose, AlertMessage m, Instant now) {
        if (roster.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (DutyRoster.Person p : RosterRules.atLevel(roster.get().roster(), level, local(now))) {
            n += alerts.insertNotification(Notifications.id(alertId, purpose, p.staffId()), alertId, p.staffId(), level, purpose, m, now);
        }
        return n;
    }

    private OpeningHours hours(Optional<BranchRoster> roster) {
        return roster.map(r -> OpeningHours.of(r.roster(), config.opens(), config.closes()))
                .orElseGet(() -> OpeningHours.everyDay(config.opens(), config.closes()));
    }

    private LocalDateTime local(Instant now) {
        return ZonedDateTime.ofInstant(now, config.zone()).toLocalDateTime();
    }
}
