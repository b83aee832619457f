package io.hallwatch.marketing.metrics;

import io.hallwatch.marketing.domain.recovery.RecoveryGesture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The marketing counters. Tags are bounded on purpose: branch, offer code, pitch form, result,
 * channel, gesture; never a customer, ticket or counter. Counts are taken when the transaction that
 * records the fact commits, so a rolled-back change is never counted.
 */
@ApplicationScoped
public class MarketingMetrics {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final ConversionGauges conversion;

    MarketingMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions, ConversionGauges conversion) {
        this.registry = registry;
        this.transactions = transactions;
        this.conversion = conversion;
    }

    /** An offer was put on a counter's screen with this pitch form. */
    public void offerMade(String branch, String offer, String pitchForm) {
        afterCommit(() -> Counter.builder("hallwatch.marketing.offers.made")
                .description("Offers recommended to a counter, by pitch form")
                .tag("branch", branch).tag("offer", offer).tag("pitch_form", pitchForm)
                .register(registry).increment());
    }

    /** An outcome was recorded; {@code pitchForm} is NONE outside the counter. */
    public void outcome(String branch, String offer, String pitchForm, String channel, String result) {
        afterCommit(() -> {
            if ("COUNTER".equals(channel)) {
                conversion.register(branch);
            }
            Counter.builder("hallwatch.marketing.offer.outcomes")
                    .description("Outcomes of offers: at the counter, in follow-ups and in campaigns")
                    .tag("branch", branch).tag("offer", offer).tag("pitch_form", pitchForm)
                    .tag("channel", channel).tag("result", result)
                    .register(registry).increment();
            if ("ACCEPTED".equals(result)) {
                Counter.builder("hallwatch.marketing.offers.accepted")
                        .description("Offers the customer took")
                        .tag("branch", branch).tag("offer", offer).tag("pitch_form", pitchForm).tag("channel", channel)
                        .register(registry).increment();
            }
        });
    }

    /** A customer who waited too long got the apology and the branch's gesture. */
    public void recoveryGiven(String branch, RecoveryGesture gesture) {
        afterCommit(() -> Counter.builder("hallwatch.marketing.recovery.gestures")
                .description("Service-recovery gestures offered to customers who waited too long")
                .tag("branch", branch).tag("gesture", gesture.name())
                .register(registry).increment());
    }

    private void afterCommit(Runnable count) {
        if (transactions.getTransactionKey() == null) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
