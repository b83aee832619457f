package io.hallwatch.sla.service.alerting;

import io.hallwatch.sla.client.alerting.Channels;
import io.hallwatch.sla.client.alerting.DeliveryException;
import io.hallwatch.sla.client.alerting.NotificationChannel;
import io.hallwatch.sla.config.AlertingConfig;
import io.hallwatch.sla.domain.alerting.AlertMessage;
import io.hallwatch.sla.domain.alerting.AlertText;
import io.hallwatch.sla.domain.alerting.ChannelType;
import io.hallwatch.sla.domain.alerting.DeliveryRules;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import io.hallwatch.sla.domain.alerting.Notifications;
import io.hallwatch.sla.domain.alerting.RosterRules;
import io.hallwatch.sla.metrics.AlertingMetrics;
import io.hallwatch.sla.service.rounds.Rounds;
import io.hallwatch.sla.store.alerting.AlertStore;
import io.hallwatch.sla.store.alerting.RosterStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Sends due notifications, writes follow-ups and escalations, on its own thread; a new page wakes
 * it at once. A notification is claimed for a lease in one short transaction, sent outside any
 * transaction (no row lock is held for a provider's timeout), and its outcome recorded in another
 * short one. A crash mid-send leaves the claim to run out: it is sent again then (the providers get
 * the alert id), never lost, and never a second notification row for the same person.
 */
@ApplicationScoped
public class AlertDispatcher {
    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    private final AlertStore store;
    private final AlertPaging paging;
    private final RosterStore rosters;
    private final Channels channels;
    private final AlertingConfig config;
    private final AlertingMetrics metrics;
    private final Clock clock;
    private static final int BATCH = 20;
    private final Rounds rounds = new Rounds("alert-dispatcher", this::tick);

    AlertDispatcher(AlertStore store, AlertPaging paging, RosterStore rosters, Channels channels, AlertingConfig config,
                    AlertingMetrics metrics, Clock clock) {
        this.store = store;
        this.paging = paging;
        this.rosters = rosters;
        this.channels = channels;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    /** Starts the rounds (again): whatever came due meanwhile is sent, escalated or followed up once. */
    public void start() {
        rounds.start(config.dispatchInterval());
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Stops the rounds, as a stopped instance would. */
    public void stop() {
        rounds.stop();
    }

    /** Runs a round now (after a page was committed): the first message never waits for the interval. */
    public void wake() {
        rounds.wake();
    }

    void tick() {
        try {
            QuarkusTransaction.requiringNew().run(() -> paging.housekeeping(clock.instant()));
            List<AlertStore.Due> due;
            do {
                String claimId = UUID.randomUUID().toString();
                due = QuarkusTransaction.requiringNew().call(() -> store.claimDue(clock.instant(), BATCH, config.deliveryLease(), claimId));
                due.forEach(this::deliver);
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Alert dispatch round failed: %s", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private AlertMessage withAckLink(AlertStore.Due d, Instant now) {
        if (config.ackLinkBase().isEmpty() || config.ackLinkSecret().isEmpty()) {
            return d.message();
        }
        return AlertText.withAckLink(d.message(), AckLinks.link(config.ackLinkBase().get(), config.ackLinkSecret().get(),
                d.alertId(), d.staffId(), now.plus(config.ackLinkTtl())));
    }

    /** The person of the branch's roster, as it is now (a roster changed since the notification was written may lack them). */
    private Optional<DutyRoster.Person> person(String branchId, String staffId) {
        return rosters.find(branchId).flatMap(r -> RosterRules.person(r.roster(), staffId));
    }

    private void deliver(AlertStore.Due d) {
        Instant now = clock.instant();
        Optional<DutyRoster.Person> person = QuarkusTransaction.requiringNew().call(() -> person(d.branchId(), d.staffId()));
        if (person.isEmpty() || d.channelIndex() >= person.get().channels().size()) {
            record(d, () -> store.failed(d), "-", d.attempts() + 1, "FAILED", "no such person or channel in the roster", now);
            return;
        }
        List<DutyRoster.Contact> contacts = person.get().channels();
        DutyRoster.Contact contact = contacts.get(d.channelIndex());
        ChannelType type = ChannelType.valueOf(contact.type());
        NotificationChannel channel = channels.of(type);
        int attempt = d.attempts() + 1;
        try {
            if (!channel.configured()) {
                throw new DeliveryException(true, type + " is not configured");
            }
            channel.send(contact.address(), withAckLink(d, now)); // outside any transaction
            Instant at = clock.instant();
            if (record(d, () -> store.sent(d, type.name(), at), type.name(), attempt, "SENT", null, at)) {
                metrics.attempt(type, d.branchId(), "sent");
                if (Notifications.isFirst(d.notificationId())) {
                    metrics.firstDelivery(d.branchId(), Duration.between(d.breachDetectedAt(), at));
                }
            }
        } catch (DeliveryException e) {
            // Attempts count per channel: reset when falling back.
            DeliveryRules.AfterFailure next = DeliveryRules.afterFailure(e.permanent(), attempt, config.maxAttemptsPerChannel(),
                    d.channelIndex(), contacts.size());
            Instant at = clock.instant();
            BooleanSupplier outcome = switch (next) {
                case RETRY_SAME_CHANNEL -> () -> store.retry(d, d.channelIndex(), attempt,
                        at.plus(DeliveryRules.backoff(attempt, config.initialBackoff(), config.maxBackoff())));
                case NEXT_CHANNEL -> () -> store.retry(d, d.channelIndex() + 1, 0, at);
                case GIVE_UP -> () -> store.failed(d);
            };
            if (record(d, outcome, type.name(), attempt, next.logged(), e.getMessage(), at)) {
                metrics.attempt(type, d.branchId(), next.counted());
            }
        }
    }

    /**
     * Records an attempt's outcome and its log line in one short transaction; false (and nothing
     * written) when this round's claim was lost meanwhile: the round that took it over records its own.
     */
    private boolean record(AlertStore.Due d, BooleanSupplier outcome, String channel, int attempt,
                           String what, String reason, Instant at) {
        boolean ours = QuarkusTransaction.requiringNew().call(() -> {
            if (!outcome.getAsBoolean()) {
                return false;
            }
            store.log(d, channel, attempt, what, reason, at);
            return true;
        });
        if (!ours) {
            LOG.warnf("Notification %s: claim expired during the send; outcome %s left to the round that took it over",
                    d.notificationId(), what);
        }
        return ours;
    }
}
