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
 * bench/scale reads these lines; keep their shape (new figures go at the end).
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
                kinds.stream().mapToInt(CallBudget.Snapshot::waiting).sum(), byKind(kinds));
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
