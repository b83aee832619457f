package io.hallwatch.sla.events.policy;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.sla.domain.policy.PolicyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Publishes the service standard on {@code hallwatch.standard.v1} through the outbox: a new version in
 * the transaction that appends it, so that no other service ever learns a version that rolled back,
 * and none misses one that committed.
 */
@ApplicationScoped
public class StandardEvents {
    private final Outbox outbox;
    private final Clock clock;

    StandardEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(PolicyVersion version) {
        outbox.publish(clock.instant(), version.asEvent());
    }
}
