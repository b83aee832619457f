package io.hallwatch.queue.service.forecast;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.forecast.CounterOutlook;
import io.hallwatch.queue.domain.forecast.HallForecast;
import io.hallwatch.queue.domain.handling.HandlingTime;
import io.hallwatch.queue.domain.queue.CallPolicy;
import io.hallwatch.queue.domain.queue.WaitEstimate;
import io.hallwatch.queue.domain.queue.WaitEstimator;
import io.hallwatch.queue.domain.queue.WaitingTicket;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.service.queue.CallPolicies;
import io.hallwatch.queue.store.forecast.HallSnapshot;
import io.hallwatch.queue.store.ticket.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A waiting ticket's estimate: the hall played forward ({@link HallForecast}) from the branch as it
 * is now, and beside it what the earlier formula ({@link WaitEstimator}: people ahead of the same
 * type × mean handling ÷ counters open for the type) says, kept at issue for the accuracy report.
 * Where no counter serving the type has been seen (the start of the day) the formula's answer,
 * with one counter, is the estimate.
 */
@ApplicationScoped
public class WaitForecasts {
    /** The VIPs still to come are counted over this much of the past and played this far ahead. */
    private static final Duration VIP_RATE_WINDOW = Duration.ofHours(1);
    private static final Duration HORIZON = Duration.ofHours(3);

    private final TicketStore tickets;
    private final HallSnapshot snapshot;
    private final CallPolicies policies;
    private final QueueConfig config;
    private final Clock clock;
    private final LoadingCache<BranchDay, HallRates> recentRates;

    WaitForecasts(TicketStore tickets, HallSnapshot snapshot, CallPolicies policies, QueueConfig config, Clock clock) {
        this.tickets = tickets;
        this.snapshot = snapshot;
        this.policies = policies;
        this.config = config;
        this.clock = clock;
        Duration maxAge = config.forecast().ratesMaxAge();
        Duration keptFor = config.forecast().ratesKeptFor();
        Caffeine<Object, Object> rates = Caffeine.newBuilder().maximumSize(100_000);
        if (!maxAge.isZero() && !maxAge.isNegative() && maxAge.compareTo(keptFor) < 0) {
            rates.refreshAfterWrite(maxAge).expireAfterWrite(keptFor);
        } else {
            rates.expireAfterWrite(maxAge); // 0: read on every estimate; kept no longer than their age allows
        }
        this.recentRates = rates.build(this::readRates);
    }

    /** The estimate shown ({@code estimate}, its minutes rounded), its seconds, and the earlier formula's seconds. */
    public record WaitForecast(WaitEstimate estimate, long seconds, long basicSeconds) {
    }

    /** {@code t} waits (or is being issued) at its branch now; {@code offered}: the branch's business types. */
    public WaitForecast of(Ticket t, Set<String> offered, Instant now) {
        List<HallSnapshot.PresentCounter> present = snapshot.counters(t.branchId, t.serviceDay, now.minus(config.counterPresenceWindow()));
        int open = (int) present.stream().filter(c -> c.businessTypes().contains(t.businessType)).count();
        // Only the tickets that compete for the counters this type's customers can get: a hall with
        // no counter for the type yet reads its own queue alone, as the formula does.
        Set<String> competing = new HashSet<>(Set.of(t.businessType));
        if (open > 0) {
            present.forEach(c -> competing.addAll(c.businessTypes()));
            competing.retainAll(offered);
            competing.add(t.businessType);
        }
        List<WaitingTicket> waiting = new ArrayList<>(tickets.waitingFor(t.branchId, competing));
        if (waiting.stream().noneMatch(w -> w.id().equals(t.id))) {
            waiting.add(t.asWaiting()); // a ticket being issued has no row yet: it joins here, in memory
        }
        CallPolicy policy = policies.forBranch(t.branchId);
        HallRates r = rates(t.branchId, t.serviceDay);
        ServiceTimes times = new ServiceTimes(t.branchId, r.meanHandlingSeconds(), r.walkUp().orElse(config.forecast().walkUp()));

        List<WaitingTicket> sameType = waiting.stream().filter(w -> w.businessType().equals(t.businessType)).toList();
        List<WaitingTicket> order = policy.inCallOrder(sameType, Set.of(t.businessType), false, now);
        double mean = times.handling(t.businessType).toMillis() / 1000.0;
        WaitEstimate basic = WaitEstimator.estimate(order, t.id, mean, open);
        long basicSeconds = WaitEstimator.estimateSeconds(basic.peopleAhead(), mean, open);
        if (open == 0) {
            return new WaitForecast(new WaitEstimate(basic.position(), basic.peopleAhead(), (int) Math.round(basicSeconds / 60.0)),
                    basicSeconds, basicSeconds);
        }

        List<HallForecast.OpenCounter> counters = present.stream().map(c -> new HallForecast.OpenCounter(c.counterId(),
                c.businessTypes(), c.vip(), CounterOutlook.freeAt(now, c.customer(), c.pause(), times))).toList();
        Map<String, Double> vipsPerHour = new HashMap<>();
        r.vipsLastHour().forEach((type, n) -> vipsPerHour.put(type, n * 3600.0 / VIP_RATE_WINDOW.toSeconds()));
        HallForecast.Hall hall = new HallForecast.Hall(now, waiting, counters, HallForecast.expectedVips(vipsPerHour, now, HORIZON));
        long seconds = new HallForecast(policy, times).untilCalled(t.id, hall).map(Duration::toSeconds).orElse(basicSeconds);
        return new WaitForecast(new WaitEstimate(basic.position(), basic.peopleAhead(), (int) Math.round(seconds / 60.0)),
                seconds, basicSeconds);
    }

    /**
     * What changes slowly at a branch, read at most every {@code forecast.rates-max-age}: its learned
     * handling means, its walk-up and its VIP arrivals of the last hour. Two queries fewer on most
     * issues: benchmark 1 measured the forecast reading them every time at p99 29 ms. Once older than that,
     * they are read again in the background while the issue goes on with them, so that only a branch's first
     * estimate of the day (or of a quiet spell, {@code forecast.rates-kept-for}) waits for the read: over full live
     * days PostgreSQL takes about 1 ms to plan and run it (benchmark 7), on every second or third issue of a busy hall.
     */
    private HallRates rates(String branchId, LocalDate day) {
        return recentRates.get(new BranchDay(branchId, day));
    }

    private HallRates readRates(BranchDay key) {
        HallSnapshot.Recent recent = snapshot.since(key.branchId(), key.day(), clock.instant().minus(VIP_RATE_WINDOW));
        return new HallRates(snapshot.meanHandlingSeconds(key.branchId()), recent.meanWalkUp(), recent.vipsIssued());
    }

    private record BranchDay(String branchId, LocalDate day) {
    }

    private record HallRates(Map<String, Double> meanHandlingSeconds, Optional<Duration> walkUp, Map<String, Long> vipsLastHour) {
    }

    /** Walk-up measured at the branch; handling its learned mean, or the standard's limit before any was seen. */
    private final class ServiceTimes implements HallForecast.ServiceTimes {
        private final String branchId;
        private final Map<String, Double> means;
        private final Duration walkUp;
        private final Map<String, Duration> resolved = new HashMap<>();

        ServiceTimes(String branchId, Map<String, Double> means, Duration walkUp) {
            this.branchId = branchId;
            this.means = means;
            this.walkUp = walkUp;
        }

        public Duration walkUp() {
            return walkUp;
        }

        public Duration handling(String businessType) {
            return resolved.computeIfAbsent(businessType, type -> {
                double mean = Optional.ofNullable(means.get(type))
                        .orElseGet(() -> HandlingTime.prior(policies.handlingLimit(branchId, type).toSeconds()).meanSeconds());
                return Duration.ofMillis((long) (mean * 1000));
            });
        }
    }
}
