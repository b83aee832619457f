package io.hallwatch.sla.alerting;

import io.hallwatch.sla.alerting.channel.Channels;
import io.hallwatch.sla.alerting.channel.DeliveryException;
import io.hallwatch.sla.alerting.channel.NotificationChannel;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends due notifications, writes follow-ups and escalations, on its own thread; a new page wakes
 * it at once. Each notification is claimed in a transaction that also records its outcome, so a
 * crash mid-send sends it again (the providers get the notification id) and never loses it.
 */
@ApplicationScoped
public class AlertDispatcher {
    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    private final AlertStore store;
    private final Channels channels;
    private final AlertingConfig config;
    private final AlertingMetrics metrics;
    private final Clock clock;
    private ScheduledExecutorService ticker;

    AlertDispatcher(AlertStore store, Channels channels, AlertingConfig config, AlertingMetrics metrics, Clock clock) {
        this.store = store;
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
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-dispatcher");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, config.dispatchInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Stops the rounds, as a stopped instance would. */
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
    }

    /** Runs a round now (after a page was committed): the first message never waits for the interval. */
    public synchronized void wake() {
        if (ticker != null) {
            ticker.execute(this::tick);
        }
    }

    void tick() {
        try {
            QuarkusTransaction.requiringNew().run(() -> store.housekeeping(clock.instant()));
            List<AlertStore.Due> due;
            do {
                due = QuarkusTransaction.requiringNew().call(() -> {
                    List<AlertStore.Due> claimed = store.claimDue(clock.instant(), 20);
                    claimed.forEach(this::deliver);
                    return claimed;
                });
            } while (due.size() == 20);
        } catch (RuntimeException e) {
            LOG.warnf("Alert dispatch round failed: %s", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private io.hallwatch.sla.alerting.channel.AlertMessage withAckLink(AlertStore.Due d, Instant now) {
        var m = d.message();
        if (config.ackLinkBase().isEmpty() || config.ackLinkSecret().isEmpty()) {
            return m;
        }
        String link = AckLinks.link(config.ackLinkBase().get(), config.ackLinkSecret().get(), d.alertId(), d.staffId(),
                now.plus(config.ackLinkTtl()));
        return new io.hallwatch.sla.alerting.channel.AlertMessage(m.alertId(), m.branchId(), m.title(),
                m.markdown() + "\n[Acknowledge](" + link + ")", m.smsParams());
    }

    private void deliver(AlertStore.Due d) {
        Instant now = clock.instant();
        Optional<DutyRoster.Person> person = store.person(d.branchId(), d.staffId());
        if (person.isEmpty() || d.channelIndex() >= person.get().channels().size()) {
            store.failed(d);
            store.log(d.notificationId(), "-", d.attempts() + 1, "FAILED", "no such person or channel in the roster", now);
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
            channel.send(contact.address(), withAckLink(d, now));
            Instant at = clock.instant();
            store.sent(d, type.name(), at);
            store.log(d.notificationId(), type.name(), attempt, "SENT", null, at);
            metrics.attempt(type, d.branchId(), "sent");
            if (d.notificationId().contains(":PAGE:") || d.notificationId().contains(":ESCALATION:")) {
                metrics.firstDelivery(d.branchId(), Duration.between(d.breachDetectedAt(), at));
            }
        } catch (DeliveryException e) {
            // Attempts count per channel: reset when falling back.
            int onChannel = attempt;
            AlertRules.AfterFailure next = AlertRules.afterFailure(e.permanent(), onChannel, config.maxAttemptsPerChannel(),
                    d.channelIndex(), contacts.size());
            switch (next) {
                case RETRY_SAME_CHANNEL -> {
                    store.retry(d, d.channelIndex(), attempt, now.plus(AlertRules.backoff(attempt, config.initialBackoff(), config.maxBackoff())));
                    store.log(d.notificationId(), type.name(), attempt, "RETRY", e.getMessage(), now);
                    metrics.attempt(type, d.branchId(), "retry");
                }
                case NEXT_CHANNEL -> {
                    store.retry(d, d.channelIndex() + 1, 0, now);
                    store.log(d.notificationId(), type.name(), attempt, "NEXT_CHANNEL", e.getMessage(), now);
                    metrics.attempt(type, d.branchId(), "next_channel");
                }
                case GIVE_UP -> {
                    store.failed(d);
                    store.log(d.notificationId(), type.name(), attempt, "FAILED", e.getMessage(), now);
                    metrics.attempt(type, d.branchId(), "failed");
                }
            }
        }
    }
}
