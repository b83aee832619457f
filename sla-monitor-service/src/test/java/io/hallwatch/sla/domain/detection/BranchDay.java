package io.hallwatch.sla.domain.detection;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketNoShow;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.TicketTransferred;
import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.sla.domain.policy.PolicyResolver;
import io.hallwatch.common.standard.StandardLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A generated day of one branch: what really happened (every ticket's events, once) and the two
 * topic logs a monitor reads it from, with producer delays, redeliveries and replays.
 */
public final class BranchDay {
    public static final String BRANCH = "GZ-TH-001";
    public static final Instant OPEN = Instant.parse("2026-11-24T01:00:00Z");
    public static final String[] TYPES = {"PAYMENT", "GENERAL", "NEW_LINE", "BROADBAND", "CONSULT", "COMPLAINT"};

    /** One record on a topic: the event, when it happened, when the producer's relay published it. */
    public record Published(UUID eventId, TicketEvent event, Instant eventTime, Instant publishAt) {
    }

    /** How the producers behave. */
    public record Producers(Duration maxDelay, double slowShare, Duration slowDelay, double redeliveryShare, double replayShare) {
        /** Relays publish every event within {@code within} of its time. */
        public static Producers punctual(Duration within) {
            return new Producers(within.minusMillis(1), 0, Duration.ZERO, 0.05, 0.03);
        }

        /** Some records published minutes late (a stalled relay), still in order per topic. */
        public static Producers stalling(Duration within) {
            return new Producers(within.minusMillis(1), 0.2, Duration.ofMinutes(3), 0.05, 0.05);
        }
    }

    public final Map<String, List<TicketEvent>> truth = new LinkedHashMap<>();
    public final List<Published> tickets = new ArrayList<>();
    public final List<Published> services = new ArrayList<>();
    public final Instant end = OPEN.plus(Duration.ofHours(3));

    public static BranchDay generate(long seed, PolicyHistory policy, Producers producers) {
        Random r = new Random(seed);
        BranchDay day = new BranchDay();
        int n = 20 + r.nextInt(80);
        for (int i = 0; i < n; i++) {
            day.ticket(r, policy, i);
        }
        day.publish(r, producers);
        return day;
    }

    private void ticket(Random r, PolicyHistory policy, int i) {
        String id = new UUID(r.nextLong(), r.nextLong()).toString();
        String number = "A" + String.format("%03d", i + 1);
        String type = TYPES[r.nextInt(TYPES.length)];
        CustomerTier tier = r.nextInt(8) == 0 ? CustomerTier.VIP : CustomerTier.NORMAL;
        Instant issued = OPEN.plusMillis(r.nextInt((int) Duration.ofHours(2).toMillis()));
        List<TicketEvent> events = new ArrayList<>();
        events.add(new TicketIssued(id, BRANCH, number, type, tier, issued, null));
        StandardLimits limits = PolicyResolver.ticketLimits(policy.at(issued), BRANCH, type, null, tier);
        Duration wait = around(r, limits.waitLimit(), Duration.ofMinutes(25));
        String served = type;
        if (r.nextInt(20) == 0) {
            served = TYPES[r.nextInt(TYPES.length)];
            number = "B" + String.format("%03d", i + 1);
            events.add(new TicketTransferred(id, BRANCH, number, served, tier, type, issued.plus(wait.dividedBy(2))));
        }
        double fate = r.nextDouble();
        if (fate < 0.1) {
            truth.put(id, events); // never called: still waiting at the end of the day
            return;
        }
        if (fate < 0.2) {
            events.add(new TicketCancelled(id, BRANCH, number, served, tier, issued.plus(wait), null));
            truth.put(id, events);
            return;
        }
        Instant called = issued.plus(wait);
        String counter = "C0" + (1 + r.nextInt(6));
        String clerk = "clerk-000" + (1 + r.nextInt(6));
        events.add(new TicketCalled(id, BRANCH, number, served, tier, issued, called, counter, clerk, wait.toSeconds()));
        if (r.nextInt(10) == 0) {
            events.add(new TicketRecalled(id, BRANCH, number, served, tier, called.plusSeconds(30), counter, 1));
        }
        if (r.nextInt(10) == 0) {
            events.add(new TicketNoShow(id, BRANCH, number, served, tier, called.plusSeconds(60), counter));
            truth.put(id, events);
            return;
        }
        Instant started = called.plusMillis(r.nextInt(60_000));
        events.add(new ServiceStarted(id, BRANCH, number, served, tier, counter, clerk, started));
        Duration handlingLimit = PolicyResolver.ticketLimits(policy.at(issued), BRANCH, type, served, tier).handlingLimit();
        if (r.nextInt(10) > 0) {
            Duration handling = around(r, handlingLimit, handlingLimit.multipliedBy(2));
            Instant finished = started.plus(handling);
            events.add(new ServiceFinished(id, BRANCH, number, served, tier, counter, clerk, started, finished,
                    handling.toSeconds(), ServiceOutcome.COMPLETED, List.of(served)));
        }
        truth.put(id, events);
    }

    /** Often right at the limit (to the millisecond either side), otherwise anywhere up to {@code max}. */
    private static Duration around(Random r, Duration limit, Duration max) {
        double p = r.nextDouble();
        if (p < 0.3) {
            return limit.plusMillis(r.nextInt(6_001) - 3_000);
        }
        if (p < 0.35) {
            return limit.plusMillis(r.nextInt(3) - 1);
        }
        return Duration.ofMillis((long) (r.nextDouble() * max.toMillis()));
    }

    private void publish(Random r, Producers producers) {
        List<TicketEvent> all = truth.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(TicketFacts::eventTime)).toList();
        for (TicketEvent e : all) {
            List<Published> log = e instanceof ServiceStarted || e instanceof ServiceFinished ? services : tickets;
            Duration delay = r.nextDouble() < producers.slowShare()
                    ? Duration.ofMillis((long) (r.nextDouble() * producers.slowDelay().toMillis()))
                    : Duration.ofMillis((long) (r.nextDouble() * producers.maxDelay().toMillis()));
            Instant at = TicketFacts.eventTime(e).plus(delay);
            // A relay sends in commit order: never before what it sent already.
            if (!log.isEmpty() && at.isBefore(log.get(log.size() - 1).publishAt())) {
                at = log.get(log.size() - 1).publishAt();
            }
            log.add(new Published(UUID.randomUUID(), e, TicketFacts.eventTime(e), at));
        }
        redeliver(r, tickets, producers);
        redeliver(r, services, producers);
    }

    /** The same record again (a relay that died before marking it sent), or a replay of the event under a new id. */
    private static void redeliver(Random r, List<Published> log, Producers producers) {
        List<Published> extra = new ArrayList<>();
        for (Published p : log) {
            if (r.nextDouble() < producers.redeliveryShare()) {
                extra.add(new Published(p.eventId(), p.event(), p.eventTime(), p.publishAt().plusMillis(r.nextInt(60_000))));
            }
            if (r.nextDouble() < producers.replayShare()) {
                extra.add(new Published(UUID.randomUUID(), p.event(), p.eventTime(), p.publishAt().plusMillis(r.nextInt(3_600_000))));
            }
        }
        log.addAll(extra);
        log.sort(Comparator.comparing(Published::publishAt)); // stable: originals keep their order
    }
}
