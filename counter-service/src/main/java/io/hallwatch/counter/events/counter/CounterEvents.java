package io.hallwatch.counter.events.counter;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.counter.domain.counter.CalledCustomer;
import io.hallwatch.counter.domain.counter.Counter;
import io.hallwatch.counter.domain.counter.Pause;
import io.hallwatch.events.CounterPaused;
import io.hallwatch.events.CounterResumed;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The counter's events on {@code hallwatch.services.v1}, written to the outbox in the transaction
 * of the change they report (the outbox refuses to write outside one).
 */
@ApplicationScoped
public class CounterEvents {

    private final Outbox outbox;

    CounterEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void paused(Counter counter, String reason, Instant at, Duration limit) {
        outbox.publish(at, new CounterPaused(counter.branchId(), counter.counterId(), counter.clerkId(), reason, at,
                limit.toSeconds()));
    }

    public void resumed(Counter counter, Pause pause, Instant at) {
        outbox.publish(at, new CounterResumed(counter.branchId(), counter.counterId(), counter.clerkId(), pause.reason(),
                pause.since(), at, pause.seconds(), pause.limitSeconds(), pause.overLimit()));
    }

    /** {@code counter} with its customer in service. */
    public void serviceStarted(Counter counter, Instant at) {
        CalledCustomer c = counter.customer();
        outbox.publish(at, new ServiceStarted(c.ticketId().toString(), counter.branchId(), c.number(), c.businessType(),
                CustomerTier.valueOf(c.tier()), counter.counterId(), counter.clerkId(), at));
    }

    /** {@code counter} as it was with the customer still in service. */
    public void serviceFinished(Counter counter, Instant at, long handlingSeconds, ServiceOutcome outcome,
                                List<String> typesHandled) {
        CalledCustomer c = counter.customer();
        outbox.publish(at, new ServiceFinished(c.ticketId().toString(), counter.branchId(), c.number(), c.businessType(),
                CustomerTier.valueOf(c.tier()), counter.counterId(), counter.clerkId(), c.startedAt(), at, handlingSeconds,
                outcome, typesHandled));
    }
}
