package io.hallwatch.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The one-line summary for many branches (summary=totals): tickets issued against what the day's
 * profile asked for since the simulator started, REST calls and failures, and how late the
 * simulator ran its own steps, and per kind of caller its budget: calls in flight, waiting, shed.
 * bench/scale reads these lines; keep their shape (new figures go at the end: the customers before they came).
 */
final class Totals {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final List<BranchSim> branches;
    private final SimClock clock;
    private final double basePerHour;
    private final Traffic traffic;
    private final Lateness lateness;
    private final List<CallBudget> budgets;
    private final LocalDateTime since;
    private long lastRequests;
    private long lastNanos = System.nanoTime();

    Totals(List<BranchSim> branches, SimClock clock, double basePerHour, Traffic traffic, Lateness lateness, List<CallBudget> budgets) {
        this.branches = branches;
        this.clock = clock;
        this.basePerHour = basePerHour;
        this.traffic = traffic;
        this.lateness = lateness;
        this.budgets = budgets;
        this.since = local(clock.now());
    }

    synchronized String line() {
        LocalDateTime now = local(clock.now());
        double expected = branches.size() * ArrivalProfile.expectedBetween(basePerHour, since, now);
        long issued = branches.stream().mapToLong(b -> b.issued.get()).sum();
        long refused = branches.stream().mapToLong(b -> b.refused.get()).sum();
        long served = branches.stream().mapToLong(BranchSim::served).sum();
        long requests = traffic.requests();
        long nanos = System.nanoTime();
        double perSecond = (requests - lastRequests) / ((nanos - lastNanos) / 1e9);
        lastRequests = requests;
        lastNanos = nanos;
        Lateness.Window late = lateness.takeWindow();
        List<CallBudget.Snapshot> kinds = budgets.stream().map(CallBudget::snapshot).toList();
        return String.format(Locale.ROOT,
                "[%s] totals: %d branches  issued %d of %.0f expected  refused %d  served %d  requests %d (%.0f/s)  failed %d"
                        + "  late mean %.0f ms max %d ms (%d of %d steps over 1 s)  shed %d  in flight %d  waiting %d  %s",
                now.toLocalTime().withNano(0), branches.size(), issued, expected, refused, served, requests, perSecond,
                traffic.failed(), late.meanMillis(), late.maxMillis(), late.overSecond(), late.steps(),
                kinds.stream().mapToLong(CallBudget.Snapshot::shed).sum(), kinds.stream().mapToInt(CallBudget.Snapshot::inFlight).sum(),
                kinds.stream().mapToInt(CallBudget.Snapshot::waiting).sum(), byKind(kinds)) + beforeTheyCame(branches);
    }

    /**
     * The customers who dealt with the branches before they came (issue 25): remote tickets taken, checked in at the
     * kiosk and expired (never checked in, or too late); appointments booked, checked in on time, late and missed
     * (no-shows, too late). Empty while there were none.
     */
    static String beforeTheyCame(List<BranchSim> branches) {
        List<AheadSim> ahead = branches.stream().map(b -> b.ahead).filter(java.util.Objects::nonNull).toList();
        long taken = sum(ahead, a -> a.remoteTaken.get());
        long booked = sum(ahead, a -> a.booked.get());
        if (taken == 0 && booked == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "  remote taken %d checked in %d expired %d  appointments booked %d checked in %d late %d missed %d",
                taken, sum(ahead, a -> a.remoteCheckedIn.get()), sum(ahead, a -> a.remoteExpired.get()), booked,
                sum(ahead, a -> a.appointmentsCheckedIn.get()), sum(ahead, a -> a.appointmentsLate.get()),
                sum(ahead, a -> a.appointmentsMissed.get()));
    }

    private static long sum(List<AheadSim> ahead, java.util.function.ToLongFunction<AheadSim> figure) {
        return ahead.stream().mapToLong(figure).sum();
    }

    /** Per kind of caller: in flight of its budget, waiting for room, sent and shed since the start. */
    static String byKind(List<CallBudget.Snapshot> kinds) {
        StringBuilder out = new StringBuilder("(");
        for (CallBudget.Snapshot k : kinds) {
            out.append(out.length() > 1 ? "; " : "").append(String.format(Locale.ROOT, "%s %d/%d in flight, %d waiting, %d sent, %d shed",
                    k.name(), k.inFlight(), k.limit(), k.waiting(), k.sent(), k.shed()));
        }
        return out.append(')').toString();
    }

    private static LocalDateTime local(Instant instant) {
        return instant.atZone(ZONE).toLocalDateTime();
    }
}
