package io.hallwatch.bench;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketNoShow;
import io.hallwatch.events.TimeOrderedIds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * One branch's day as its producers would publish it: Poisson arrivals with a morning and a
 * lunch peak, a city hall's business mix, a few counters calling first come first served,
 * handling times around each type's limit with an overrunning tail, no-shows and customers who
 * give up. Every event comes out in event-time order, so a branch's partition reads as the real
 * queue- and counter-service outboxes would have written it.
 */
final class BranchDay {
    private static final String[] TYPES = {"PAYMENT", "GENERAL", "NEW_LINE", "BROADBAND"};
    private static final double[] MIX = {0.35, 0.35, 0.18, 0.12};
    private static final long[] LIMIT_SECONDS = {120, 300, 480, 600};
    private static final String QUEUE = "/hallwatch/queue-service";
    private static final String COUNTER = "/hallwatch/counter-service";

    /** What one day produced, and how many waits ran past 15 minutes (the share the monitor must flag). */
    record Day(List<CloudEvent<?>> events, int tickets, int longWaits, int overruns) {
    }

    private BranchDay() {
    }

    static Day generate(String branchId, Instant opens, Duration open, int tickets, int counters, Random random) {
        List<Instant> arrivals = arrivals(opens, open, tickets, random);
        Instant[] free = new Instant[counters];
        java.util.Arrays.fill(free, opens);
        List<CloudEvent<?>> events = new ArrayList<>(tickets * 4);
        int longWaits = 0;
        int overruns = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            Instant issued = arrivals.get(i);
            int t = pick(random);
            String type = TYPES[t];
            String ticketId = TimeOrderedIds.next().toString(); // as the queue-service issues them
            String number = (char) ('A' + t) + String.format("%03d", i % 1000);
            CustomerTier tier = random.nextDouble() < 0.08 ? CustomerTier.VIP : CustomerTier.NORMAL;
            events.add(CloudEvent.of(QUEUE, issued, new TicketIssued(ticketId, branchId, number, type, tier, issued, null)));
            int c = earliest(free);
            Instant called = later(free[c], issued).plusSeconds(5 + random.nextInt(20));
            // Some customers give up when the queue looks long and cancel at the kiosk.
            if (Duration.between(issued, called).toMinutes() > 10 && random.nextDouble() < 0.15) {
                Instant cancelled = issued.plusSeconds(300 + random.nextInt(300));
                events.add(CloudEvent.of(QUEUE, cancelled, new TicketCancelled(ticketId, branchId, number, type, tier, cancelled, null)));
                continue;
            }
            String counterId = "C" + (c + 1);
            String clerkId = branchId + "-clerk-" + (c + 1);
            long waited = Duration.between(issued, called).toSeconds();
            if (waited >= 900) {
                longWaits++;
            }
            events.add(CloudEvent.of(QUEUE, called, new TicketCalled(ticketId, branchId, number, type, tier, issued, called,
                    counterId, clerkId, waited)));
            if (random.nextDouble() < 0.03) {
                Instant noShow = called.plusSeconds(60 + random.nextInt(60));
                events.add(CloudEvent.of(QUEUE, noShow, new TicketNoShow(ticketId, branchId, number, type, tier, noShow, counterId)));
                free[c] = noShow;
                continue;
            }
            Instant started = called.plusSeconds(10 + random.nextInt(40));
            // Mostly within the limit; about one in twelve runs over it.
            long handling = Math.max(20, (long) (LIMIT_SECONDS[t] * (0.35 + 0.45 * random.nextDouble()
                    + (random.nextDouble() < 0.08 ? 0.3 + random.nextDouble() : 0))));
            if (handling >= LIMIT_SECONDS[t]) {
                overruns++;
            }
            Instant finished = started.plusSeconds(handling);
            events.add(CloudEvent.of(COUNTER, started, new ServiceStarted(ticketId, branchId, number, type, tier, counterId,
                    clerkId, started)));
            events.add(CloudEvent.of(COUNTER, finished, new ServiceFinished(ticketId, branchId, number, type, tier, counterId,
                    clerkId, started, finished, handling, ServiceOutcome.COMPLETED, List.of(type))));
            free[c] = finished;
        }
        events.sort(Comparator.comparing(CloudEvent::time));
        return new Day(events, arrivals.size(), longWaits, overruns);
    }

    /** Arrival times by thinning: twice the base rate in the morning and lunch peaks (10:00-11:30, 13:30-15:00 for a 09:00 opening). */
    private static List<Instant> arrivals(Instant opens, Duration open, int tickets, Random random) {
        double seconds = open.toSeconds();
        List<Instant> out = new ArrayList<>(tickets);
        while (out.size() < tickets) {
            double at = random.nextDouble() * seconds;
            double weight = peak(at) ? 1.0 : 0.5;
            if (random.nextDouble() < weight) {
                out.add(opens.plusMillis((long) (at * 1000)));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static boolean peak(double secondsAfterOpening) {
        double h = secondsAfterOpening / 3600;
        return (h >= 1 && h < 2.5) || (h >= 4.5 && h < 6);
    }

    private static int pick(Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < MIX.length; i++) {
            r -= MIX[i];
            if (r < 0) {
                return i;
            }
        }
        return MIX.length - 1;
    }

    private static int earliest(Instant[] free) {
        int best = 0;
        for (int i = 1; i < free.length; i++) {
            if (free[i].isBefore(free[best])) {
                best = i;
            }
        }
        return best;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
