package io.hallwatch.queue.domain.forecast;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.queue.domain.queue.CallPolicy;
import io.hallwatch.queue.domain.queue.WaitingTicket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * When a waiting ticket will be called, found by playing the hall forward from what it is now: the
 * counters open, each with the time it is expected to call its next customer (free now, after the
 * customer it is serving, after its pause), take the next ticket exactly as the call policy would
 * at that moment (their own business types, VIP counters, tickets at risk of their wait limit
 * first), each customer then taking the type's mean walk-up and handling time. VIPs still to come
 * (the branch's recent VIP arrival rate per type) join the play at their expected times, so that a
 * customer is not promised a wait the VIPs behind them will lengthen.
 * <p>
 * Unlike people ahead × mean ÷ counters open for the type, this sees counters shared between types,
 * a long queue of another type taking a shared counter's time, customers overtaking by tier or risk,
 * counters still busy or paused. It plays at most one call per waiting ticket, so a hall of a
 * hundred waiting costs microseconds.
 */
public final class HallForecast {

    /** A counter taking customers: what it serves and when it is expected to call its next customer. */
    public record OpenCounter(String counterId, Set<String> businessTypes, boolean vip, Instant freeAt) {
    }

    /** The hall as it is at {@code now}. {@code expectedArrivals}: tickets not issued yet, at their expected issue times. */
    public record Hall(Instant now, List<WaitingTicket> waiting, List<OpenCounter> counters, List<WaitingTicket> expectedArrivals) {
    }

    /** What a customer takes of a counter's time, per business type. */
    public interface ServiceTimes {
        /** From the call to the customer at the counter. */
        Duration walkUp();

        /** Mean handling time of {@code businessType} at this branch. */
        Duration handling(String businessType);
    }

    private final CallPolicy policy;
    private final ServiceTimes times;

    public HallForecast(CallPolicy policy, ServiceTimes times) {
        this.policy = policy;
        this.times = times;
    }

    /** The expected wait until {@code ticketId} is called; empty where no open counter serves its type. */
    public Optional<Duration> untilCalled(UUID ticketId, Hall hall) {
        WaitingTicket target = hall.waiting().stream().filter(t -> t.id().equals(ticketId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ticket " + ticketId + " is not among the waiting"));
        if (hall.counters().stream().noneMatch(c -> c.businessTypes().contains(target.businessType()))) {
            return Optional.empty();
        }
        List<WaitingTicket> waiting = new ArrayList<>(hall.waiting());
        List<WaitingTicket> toCome = new ArrayList<>(hall.expectedArrivals());
        toCome.sort(Comparator.comparing(WaitingTicket::issuedAt));
        PriorityQueue<Free> counters = new PriorityQueue<>(Comparator.comparing(Free::at).thenComparing(f -> f.counter().counterId()));
        hall.counters().forEach(c -> counters.add(new Free(c, c.freeAt().isBefore(hall.now()) ? hall.now() : c.freeAt())));
        while (!counters.isEmpty()) {
            Free f = counters.poll();
            Instant at = f.at();
            arrive(waiting, toCome, at);
            Optional<WaitingTicket> next = policy.next(waiting, f.counter().businessTypes(), f.counter().vip(), at);
            if (next.isEmpty()) {
                // Nothing for this counter yet: it takes the next arrival it serves, if any is expected.
                toCome.stream().filter(t -> f.counter().businessTypes().contains(t.businessType())).findFirst()
                        .ifPresent(t -> counters.add(new Free(f.counter(), t.issuedAt())));
                continue;
            }
            if (next.get().id().equals(ticketId)) {
                return Optional.of(Duration.between(hall.now(), at));
            }
            waiting.remove(next.get());
            counters.add(new Free(f.counter(), at.plus(times.walkUp()).plus(times.handling(next.get().businessType()))));
        }
        return Optional.empty();
    }

    private static void arrive(List<WaitingTicket> waiting, List<WaitingTicket> toCome, Instant at) {
        while (!toCome.isEmpty() && !toCome.get(0).issuedAt().isAfter(at)) {
            waiting.add(toCome.remove(0));
        }
    }

    /**
     * The VIPs expected from {@code now} to {@code horizon} at the given hourly rates per business
     * type, evenly spaced (the first half an interval from now): the expected number, at the expected
     * times.
     */
    public static List<WaitingTicket> expectedVips(Map<String, Double> vipsPerHour, Instant now, Duration horizon) {
        List<WaitingTicket> out = new ArrayList<>();
        long n = 0;
        for (Map.Entry<String, Double> e : vipsPerHour.entrySet()) {
            double perHour = e.getValue();
            if (!(perHour > 0)) {
                continue;
            }
            double gapSeconds = 3600.0 / perHour;
            for (double s = gapSeconds / 2; s < horizon.toSeconds(); s += gapSeconds) {
                n++;
                out.add(new WaitingTicket(new UUID(0L, n), e.getKey(), CustomerTier.VIP, now.plusMillis((long) (s * 1000)),
                        "~" + n));
            }
        }
        return out;
    }

    private record Free(OpenCounter counter, Instant at) {
    }
}
