package io.hallwatch.queue.domain.forecast;

import java.time.Duration;
import java.time.Instant;

/**
 * When an open counter is expected to call its next customer, from what it is doing now: free
 * now; after the walk-up and handling of the customer it called; after the rest of a service
 * under way (at least a quarter of the type's mean more, once past the mean: services that overrun
 * go on a while); after its pause, which the standard allows to last its limit (a minute more once
 * past it).
 */
public final class CounterOutlook {
    private static final Duration PAST_THE_PAUSE_LIMIT = Duration.ofMinutes(1);

    private CounterOutlook() {
    }

    /** The customer a counter has: called at {@code calledAt}, in service since {@code startedAt} (null before). */
    public record Customer(String businessType, Instant calledAt, Instant startedAt) {
    }

    /** A pause since {@code since} that the standard allows to last {@code limit}. */
    public record Pause(Instant since, Duration limit) {
    }

    /** {@code customer} and {@code pause} may be null. */
    public static Instant freeAt(Instant now, Customer customer, Pause pause, HallForecast.ServiceTimes times) {
        if (customer != null) {
            Duration handling = times.handling(customer.businessType());
            if (customer.startedAt() == null) {
                Instant arrives = later(customer.calledAt().plus(times.walkUp()), now);
                return arrives.plus(handling);
            }
            return later(customer.startedAt().plus(handling), now.plus(handling.dividedBy(4)));
        }
        if (pause != null) {
            return later(pause.since().plus(pause.limit()), now.plus(PAST_THE_PAUSE_LIMIT));
        }
        return now;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
