package io.hallwatch.common.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The pure rule behind a relay's watermark: how far in event time this service's topics are
 * complete once a round has sent what it read.
 * <p>
 * An event's time is read from the clock inside the transaction that commits it. So an event not
 * on the topic yet either sits unsent in the outbox (its time is at least the oldest unsent
 * event's), or belongs to a transaction still open when the round began (its time is at least
 * when that transaction began, less the moment between reading the clock and the first
 * statement), or to one that begins later (its time is at least the round's clock reading, less
 * that moment again). The {@code allowance} is that moment, in real time, and is converted to
 * event time with the clock's scale.
 */
public final class WatermarkBound {
    private WatermarkBound() {
    }

    /**
     * @param roundStart       the platform clock when the round began, before anything was read
     * @param oldestOpenTx     how long (real time) the oldest other transaction in the database had been open then; zero if none
     * @param oldestUnsent     the event time of the oldest event still unsent after the round, or null if none
     * @param allowance        the bounded real time between a service reading the clock and its transaction's first statement
     * @param scale            platform seconds per real second
     * @param previous         the last watermark published, or null: a watermark never goes back
     */
    public static Instant of(Instant roundStart, Duration oldestOpenTx, Instant oldestUnsent, Duration allowance, double scale,
                             Instant previous) {
        Instant bound = roundStart.minusNanos(Math.round((oldestOpenTx.toNanos() + allowance.toNanos()) * scale));
        if (oldestUnsent != null && !oldestUnsent.isAfter(bound)) {
            bound = oldestUnsent.minusNanos(1_000); // event times are stored to the microsecond
        }
        return previous != null && previous.isAfter(bound) ? previous : bound;
    }
}
