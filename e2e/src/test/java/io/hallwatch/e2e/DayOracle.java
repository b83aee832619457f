package io.hallwatch.e2e;

import io.hallwatch.e2e.BranchDay.Fate;
import io.hallwatch.e2e.BranchDay.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the platform must conclude from a {@link BranchDay}, recomputed from the script alone with
 * the service standard's numbers (domain.md): a wait reaching 15 minutes is a breach, 80 % of it a
 * warning; a service reaching its business type's limit likewise; the hall's mean wait over the
 * last hour (ended and still running waits) above 15 minutes is a branch-level breach until it is
 * back at or under. None of the platform's own code is used, so the test compares two independent
 * computations.
 * <p>
 * The script is played on a fast clock, so every figure must sit clearly away from a threshold:
 * {@link #marginViolations()} lists any that does not, and a unit test keeps the script clean.
 */
final class DayOracle {
    static final long WAIT_LIMIT = 900;
    static final long AVERAGE_WINDOW = 3600;
    static final Map<String, Long> HANDLING_LIMIT = Map.of("PAYMENT", 120L, "GENERAL", 300L, "NEW_LINE", 480L, "BROADBAND", 600L);
    static final int BUSY_THRESHOLD = 8;
    /**
     * Simulated seconds a figure must stay away from a threshold. At 60x, with every step sent
     * within half a real second of its schedule (30 simulated seconds), a wait or a handling time
     * measured by the services is off by at most a minute.
     */
    static final long WAIT_MARGIN = 90;
    static final long HANDLING_MARGIN = 60;
    static final long AVERAGE_MARGIN = 60;
    static final int BUSY_MARGIN = 2;

    enum Kind { WAIT_WARNING, WAIT_BREACH, HANDLING_WARNING, HANDLING_BREACH }

    record Finding(String ticket, Kind kind) implements Comparable<Finding> {
        @Override
        public int compareTo(Finding o) {
            int c = ticket.compareTo(o.ticket);
            return c != 0 ? c : kind.compareTo(o.kind);
        }
    }

    /** Per business type, as the SLA report counts. */
    record TypeFigures(long customers, long waitWithin, long waitOver, long served, long handlingWithin) {
    }

    /** Per clerk and business type: services, their mean handling, how many ran over. */
    record ClerkLine(int served, double meanHandlingSeconds, int overLimit) {
    }

    /** What the counter screen must show when this customer's service starts. */
    record Advice(String ticket, boolean recovery, boolean busyHall) {
    }

    private final BranchDay day;
    private final Timeline timeline;

    DayOracle(BranchDay day) {
        this.day = day;
        this.timeline = day.timeline();
    }

    Timeline timeline() {
        return timeline;
    }

    Set<Finding> findings() {
        Set<Finding> out = new TreeSet<>();
        for (Fate f : timeline.fates().values()) {
            String t = f.arrival().label();
            if (f.waitSeconds() * 5 >= WAIT_LIMIT * 4) {
                out.add(new Finding(t, Kind.WAIT_WARNING));
            }
            if (f.waitSeconds() >= WAIT_LIMIT) {
                out.add(new Finding(t, Kind.WAIT_BREACH));
            }
            if (f.served()) {
                long limit = HANDLING_LIMIT.get(f.arrival().businessType());
                if (f.handlingSeconds() * 5 >= limit * 4) {
                    out.add(new Finding(t, Kind.HANDLING_WARNING));
                }
                if (f.handlingSeconds() >= limit) {
                    out.add(new Finding(t, Kind.HANDLING_BREACH));
                }
            }
        }
        return out;
    }

    /** Tickets with a wait or handling breach: each must reach the duty manager once. */
    Set<String> breachedTickets() {
        Set<String> out = new TreeSet<>();
        findings().stream().filter(f -> f.kind() == Kind.WAIT_BREACH || f.kind() == Kind.HANDLING_BREACH)
                .forEach(f -> out.add(f.ticket()));
        return out;
    }

    /** The hall's rolling mean wait at simulated second {@code t}, or -1 with no wait to average. */
    double averageWaitAt(long t) {
        long sum = 0;
        long n = 0;
        for (Fate f : timeline.fates().values()) {
            long issued = f.arrival().at();
            if (issued > t) {
                continue;
            }
            if (f.calledAt() <= t) {
                if (f.calledAt() > t - AVERAGE_WINDOW) {
                    sum += f.waitSeconds();
                    n++;
                }
            } else {
                sum += t - issued;
                n++;
            }
        }
        return n == 0 ? -1 : (double) sum / n;
    }

    /** How often the rolling average went over the limit, and whether it was back under at the end. */
    record AverageEpisodes(int breaches, boolean clearedAtEnd, double peakSeconds) {
    }

    AverageEpisodes averageEpisodes() {
        return episodes(WAIT_LIMIT, WAIT_LIMIT);
    }

    /** Episodes of the average going above {@code over} until it is back at or under {@code backAt}. */
    private AverageEpisodes episodes(double over, double backAt) {
        int breaches = 0;
        boolean above = false;
        double peak = 0;
        for (long t = 0; t <= timeline.end(); t++) {
            double mean = averageWaitAt(t);
            peak = Math.max(peak, mean);
            if (!above && mean > over) {
                above = true;
                breaches++;
            } else if (above && mean >= 0 && mean <= backAt) {
                above = false;
            }
        }
        return new AverageEpisodes(breaches, !above, peak);
    }

    /** Customers waiting at simulated second {@code t}: issued and not yet called. */
    int waitingAt(long t) {
        return (int) timeline.fates().values().stream()
                .filter(f -> f.arrival().at() <= t && f.calledAt() > t).count();
    }

    Map<String, TypeFigures> slaReport() {
        Map<String, TypeFigures> out = new TreeMap<>();
        for (Fate f : timeline.fates().values()) {
            String type = f.arrival().businessType();
            TypeFigures old = out.getOrDefault(type, new TypeFigures(0, 0, 0, 0, 0));
            boolean waitOver = f.waitSeconds() >= WAIT_LIMIT;
            boolean handlingWithin = f.served() && f.handlingSeconds() < HANDLING_LIMIT.get(type);
            out.put(type, new TypeFigures(old.customers() + 1, old.waitWithin() + (waitOver ? 0 : 1),
                    old.waitOver() + (waitOver ? 1 : 0), old.served() + (f.served() ? 1 : 0),
                    old.handlingWithin() + (handlingWithin ? 1 : 0)));
        }
        return out;
    }

    /** clerk → business type → figures. */
    Map<String, Map<String, ClerkLine>> clerkReports() {
        Map<String, Map<String, List<Long>>> handling = new TreeMap<>();
        for (Fate f : timeline.fates().values()) {
            if (f.served()) {
                handling.computeIfAbsent(f.counter().clerkId(), k -> new TreeMap<>())
                        .computeIfAbsent(f.arrival().businessType(), k -> new ArrayList<>()).add(f.handlingSeconds());
            }
        }
        Map<String, Map<String, ClerkLine>> out = new TreeMap<>();
        handling.forEach((clerk, byType) -> byType.forEach((type, list) -> out.computeIfAbsent(clerk, k -> new TreeMap<>())
                .put(type, new ClerkLine(list.size(), list.stream().mapToLong(Long::longValue).average().orElse(0),
                        (int) list.stream().filter(h -> h >= HANDLING_LIMIT.get(type)).count()))));
        return out;
    }

    Map<String, Integer> noShowsByClerk() {
        Map<String, Integer> out = new TreeMap<>();
        timeline.fates().values().stream().filter(f -> !f.served())
                .forEach(f -> out.merge(f.counter().clerkId(), 1, Integer::sum));
        return out;
    }

    /** clerk → reason → minutes paused. */
    Map<String, Map<String, Double>> pausedMinutes() {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (BranchDay.Break b : timeline.breaks()) {
            String clerk = day.counters.stream().filter(c -> c.counterId().equals(b.counterId())).findFirst().orElseThrow().clerkId();
            out.computeIfAbsent(clerk, k -> new TreeMap<>()).merge(b.reason(), b.seconds() / 60.0, Double::sum);
        }
        return out;
    }

    /** The advice for every customer known to the CRM who was served. */
    List<Advice> advice() {
        List<Advice> out = new ArrayList<>();
        for (Fate f : timeline.fates().values()) {
            if (f.arrival().customerRef() != null && f.served()) {
                out.add(new Advice(f.arrival().label(), f.waitSeconds() >= WAIT_LIMIT, waitingAt(f.startedAt()) >= BUSY_THRESHOLD));
            }
        }
        return out;
    }

    /** Every figure too close to a threshold to be judged the same way on a fast, noisy clock. */
    List<String> marginViolations() {
        List<String> out = new ArrayList<>();
        for (Fate f : timeline.fates().values()) {
            String t = f.arrival().label();
            near(out, t + " wait", f.waitSeconds(), WAIT_LIMIT * 4 / 5, WAIT_MARGIN);
            near(out, t + " wait", f.waitSeconds(), WAIT_LIMIT, WAIT_MARGIN);
            if (f.served()) {
                long limit = HANDLING_LIMIT.get(f.arrival().businessType());
                near(out, t + " handling", f.handlingSeconds(), limit * 4 / 5, HANDLING_MARGIN);
                near(out, t + " handling", f.handlingSeconds(), limit, HANDLING_MARGIN);
                if (f.arrival().customerRef() != null) {
                    int waiting = waitingAt(f.startedAt());
                    if (Math.abs(waiting - BUSY_THRESHOLD) < BUSY_MARGIN) {
                        out.add(t + ": " + waiting + " waiting at its start, too close to the busy threshold " + BUSY_THRESHOLD);
                    }
                }
            }
        }
        // The average must cross the limit decisively: judged with a band around the limit, the
        // episodes are the same as judged at the limit itself.
        AverageEpisodes banded = episodes(WAIT_LIMIT + AVERAGE_MARGIN, WAIT_LIMIT - AVERAGE_MARGIN);
        AverageEpisodes plain = averageEpisodes();
        if (banded.breaches() != plain.breaches() || banded.clearedAtEnd() != plain.clearedAtEnd()) {
            out.add("the rolling average hovers around the limit: " + plain + " vs " + banded.breaches() + " banded episodes");
        }
        return out;
    }

    private static void near(List<String> out, String what, long value, long threshold, long margin) {
        if (Math.abs(value - threshold) < margin) {
            out.add(what + " " + value + " s is within " + margin + " s of " + threshold + " s");
        }
    }
}
