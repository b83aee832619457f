package io.hallwatch.sla.service.notice;

import io.hallwatch.sla.client.alerting.Channels;
import io.hallwatch.sla.client.alerting.DeliveryException;
import io.hallwatch.sla.config.NoticeConfig;
import io.hallwatch.sla.domain.notice.NoticeDelivery;
import io.hallwatch.sla.domain.notice.PhoneNumbers;
import io.hallwatch.sla.domain.notice.TurnNoticeText;
import io.hallwatch.sla.metrics.notice.NoticeMetrics;
import io.hallwatch.sla.service.rounds.Rounds;
import io.hallwatch.sla.store.notice.ContactStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends the due "your turn is near" SMS on its own thread, every {@code send-interval} and whenever a notice becomes
 * due: each notice in its own transaction, locked with {@code FOR UPDATE SKIP LOCKED} (replicas never send the same
 * one), sent through the SMS gateway, and in that transaction marked sent with its number erased. A retriable failure
 * is tried again after a doubling backoff up to {@code max-attempts}; a permanent one, or the last, is recorded and
 * the number erased. A process that dies after the gateway accepted and before the commit sends that one again: at
 * least once, as the alerts. Log lines show the number masked.
 */
@ApplicationScoped
public class TurnNoticeSender {
    private static final Logger LOG = Logger.getLogger(TurnNoticeSender.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final ContactStore store;
    private final Channels channels;
    private final NoticeConfig config;
    private final NoticeMetrics metrics;
    private final Clock clock;
    private final Rounds rounds = new Rounds("turn-notice-sender", this::tick);
    private volatile long lastPurgeNanos = System.nanoTime() - PURGE_EVERY.toNanos();

    TurnNoticeSender(ContactStore store, Channels channels, NoticeConfig config, NoticeMetrics metrics, Clock clock) {
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

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public void start() {
        rounds.start(config.sendInterval());
    }

    public void stop() {
        rounds.stop();
    }

    /** A round now (a notice just became due): the customer never waits for the interval. */
    public void wake() {
        rounds.wake();
    }

    void tick() {
        try {
            sendDue();
            if (System.nanoTime() - lastPurgeNanos >= PURGE_EVERY.toNanos()) {
                lastPurgeNanos = System.nanoTime();
                int purged = QuarkusTransaction.requiringNew().call(() -> store.purgeBefore(clock.instant().minus(config.retention())));
                if (purged > 0) {
                    LOG.infof("Turn notices: %d rows older than %s deleted", purged, config.retention());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Turn notice round failed: %s", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Sends up to a batch of the notices due now; returns how many were attempted. */
    public int sendDue() {
        int attempted = 0;
        while (attempted < config.batch() && QuarkusTransaction.requiringNew().call(this::sendOne)) {
            attempted++;
        }
        return attempted;
    }

    /** One due notice, locked, sent and recorded in this transaction; false where none is due. */
    private boolean sendOne() {
        Optional<ContactStore.Due> next = store.lockNextDue(clock.instant());
        if (next.isEmpty()) {
            return false;
        }
        ContactStore.Due d = next.get();
        int attempt = d.attempts() + 1;
        try {
            channels.sendSms(d.phone(), config.smsTemplateId(),
                    TurnNoticeText.message(d.ticketId(), d.branchId(), d.ticketNumber(), d.peopleAhead()));
            store.sent(d.ticketId(), attempt, clock.instant());
            metrics.attempt("sent");
            LOG.infof("Turn notice for ticket %s at %s sent to %s", d.ticketNumber(), d.branchId(), PhoneNumbers.masked(d.phone()));
        } catch (DeliveryException e) {
            Instant now = clock.instant();
            if (NoticeDelivery.afterFailure(e.permanent(), attempt, config.maxAttempts()) == NoticeDelivery.AfterFailure.RETRY) {
                store.retry(d.ticketId(), attempt, now.plus(NoticeDelivery.backoff(attempt, config.initialBackoff(), config.maxBackoff())),
                        e.getMessage());
                metrics.attempt("retry");
                LOG.warnf("Turn notice for ticket %s at %s to %s: attempt %d failed (%s), tried again", d.ticketNumber(),
                        d.branchId(), PhoneNumbers.masked(d.phone()), attempt, e.getMessage());
            } else {
                store.failed(d.ticketId(), attempt, now, e.getMessage());
                metrics.attempt("failed");
                LOG.warnf("Turn notice for ticket %s at %s to %s given up after attempt %d (%s); number erased",
                        d.ticketNumber(), d.branchId(), PhoneNumbers.masked(d.phone()), attempt, e.getMessage());
            }
        }
        return true;
    }
}
