package io.hallwatch.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The markdown of benchmark 4: offered load, consumer lag over time and its verdict, CPU and
 * memory per process, database growth, and the projection to 30,000 branches.
 */
final class ScaleReport {
    static final int TARGET_BRANCHES = 30_000;
    static final int RETENTION_DAYS = 90;
    static final double TARGET_RSS_MB = 256;
    /** The simulator's arrival profile: 10.4 factor-hours a day, the busiest hour at 1.8 (ArrivalProfile). */
    static final double PROFILE_HOURS = 10.4;
    static final double PEAK_FACTOR = 1.8;
    static final double OPEN_HOURS = 9;

    private final ScaleBench.Run run;
    private final ScaleBench.Sample first;
    private final ScaleBench.Sample last;
    private final double seconds;
    private final double ticketsPerDay;
    private final StringBuilder md = new StringBuilder();

    ScaleReport(ScaleBench.Run run) {
        this.run = run;
        this.first = run.samples().get(0);
        this.last = run.samples().get(run.samples().size() - 1);
        this.seconds = Math.max(1e-9, last.seconds() - first.seconds());
        this.ticketsPerDay = number(run.asked().get("tickets-per-day"), 600);
    }

    String markdown() {
        Map<String, String> a = run.asked();
        line("# Benchmark 4: scale");
        line("");
        line("Run `bench/scale --branches %s --minutes %s --scale %s --replicas %s` (%s, %s).", a.get("branches"), a.get("minutes"),
                a.get("scale"), a.get("replicas"), Instant.now(), Machine.describe());
        line("Load at start: %s. Load at end: %s. Other work on the machine during the window (its busy CPU less the benchmark's "
                + "processes' and every PostgreSQL process's): %s; above %.1f cores the run is discarded.", run.loadStart(), run.loadEnd(),
                run.otherWorkCores() == null ? "unknown" : String.format(Locale.ROOT, "%.2f cores", run.otherWorkCores()),
                CapacityVerdict.OTHER_WORK_CORES);
        line("");
        line("Asked: %s branches, %s tickets a day each, %s counters each (the two seeded demo halls keep their four), %sx clock, "
                + "%s simulator worker threads, calls in flight at most %s (kiosks, clerks, duty managers), idle clerks back off to %s. "
                + "Services' JVM flags: `%s`.", a.get("branches"), a.get("tickets-per-day"), a.get("counters"),
                a.get("scale"), a.get("threads"), a.get("calls"), a.get("idle-max"), a.get("jvm"));
        line("Simulator ready: `%s`. Measured from then for %.0f s of wall time (simulated %s to %s), a sample every ~%.0f s.",
                a.get("started"), seconds, first.simulated(), last.simulated(), seconds / Math.max(1, run.samples().size() - 1));
        if (run.stoppedEarly() != null) {
            line("");
            line("**Stopped early: %s.**", run.stoppedEarly());
        }
        capacityVerdict();
        offeredLoad();
        lag();
        cpuAndMemory();
        sessionWaits();
        databases();
        projection();
        return md.toString();
    }

    // ---------------------------------------------------------------- the verdict

    private List<String> growingGroups() {
        List<String> growing = new ArrayList<>();
        for (String g : groupIds()) {
            if (lagOf(g).grows()) {
                growing.add(g);
            }
        }
        return growing;
    }

    private Long kioskP99() {
        KioskProbe.Result p = run.probe();
        // Floor: "under 50 ms" holds for 49.9 ms and not for 50.0.
        return p == null || !p.measured() ? null : (long) Math.floor(p.p99());
    }

    /** The verdict: never "met" on a run that offered a fraction of the load, nor on a machine busy with other work. */
    CapacityVerdict verdict() {
        KioskProbe.Result p = run.probe();
        long errors = p == null ? 0 : p.errors();
        if (last.simulator().isEmpty()) {
            return new CapacityVerdict(CapacityVerdict.Outcome.NOT_MET, List.of("the simulator printed no totals line, so what was offered is unknown"));
        }
        SimulatorTotals t = last.simulator().get();
        CapacityVerdict v = CapacityVerdict.judge(t.expected(), t.offered(), growingGroups(), kioskP99(), errors,
                run.otherWorkCores());
        if (run.stoppedEarly() != null && v.outcome() != CapacityVerdict.Outcome.DISCARDED) {
            List<String> reasons = new ArrayList<>(v.reasons());
            reasons.add(0, "stopped early: " + run.stoppedEarly());
            return new CapacityVerdict(CapacityVerdict.Outcome.NOT_MET, List.copyOf(reasons));
        }
        return v;
    }

    /**
     * The run in one tab-separated line for bench/capacity: branches, replicas, asked, offered, served, lags, kiosk p50,
     * p99, max, errors, other work (cores), verdict word, reasons, load before, load after, the report's file, the share
     * of the database sessions' working time spent waiting on a heavyweight lock (% or "–").
     */
    String summaryLine(String reportFile) {
        Map<String, String> a = run.asked();
        Optional<SimulatorTotals> t = last.simulator();
        List<String> growing = growingGroups();
        KioskProbe.Result p = run.probe();
        boolean probed = p != null && p.measured();
        CapacityVerdict v = verdict();
        return String.join("\t", a.get("branches"), a.get("replicas"),
                t.map(x -> Long.toString(x.expected())).orElse("?"),
                t.map(x -> Long.toString(x.offered())).orElse("?"),
                t.map(x -> Long.toString(x.served())).orElse("?"),
                growing.isEmpty() ? "flat" : "grows: " + String.join(", ", growing),
                probed ? String.format(Locale.ROOT, "%.1f", p.p50()) : "–",
                probed ? String.format(Locale.ROOT, "%.1f", p.p99()) : "–",
                probed ? String.format(Locale.ROOT, "%.1f", p.max()) : "–",
                probed ? Long.toString(p.errors()) : "–",
                run.otherWorkCores() == null ? "?" : String.format(Locale.ROOT, "%.2f", run.otherWorkCores()),
                v.word(), String.join("; ", v.reasons()).replace('\t', ' '),
                run.loadStart(), run.loadEnd(), reportFile,
                run.sessions() == null || run.sessions().samples() == 0 ? "–"
                        : String.format(Locale.ROOT, "%.1f %%", 100 * run.sessions().lockShare()));
    }

    /** Asked, offered and served first, then the kiosk, then the verdict. */
    private void capacityVerdict() {
        line("");
        line("## Verdict");
        line("");
        if (last.simulator().isPresent()) {
            SimulatorTotals t = last.simulator().get();
            line("| asked (tickets the day's profile expected) | arrived (issued, refused, and remote tickets taken not yet checked in) | served (services finished) |");
            line("| ---: | ---: | ---: |");
            line("| %,d | %,d | %,d |", t.expected(), t.offered(), t.served());
            line("");
        }
        KioskProbe.Result p = run.probe();
        line("Kiosk probe (a branch of its own, open loop, latency from each ticket's due time, through the simulator's queue "
                + "port; its tickets are not in the figures above): %s.", p == null ? "not run" : p.describe());
        line("");
        line("Verdict: %s.", verdict().describe());
    }

    /** One consumer group's lag over the run: the means of both halves, the last half's slope, the end. */
    private record GroupLag(double firstMean, double lastMean, double slopePerMinute, long endLag, double consumedPerSecond) {
        boolean grows() {
            return verdict(firstMean, lastMean, slopePerMinute, endLag).startsWith("**grows");
        }
    }

    private GroupLag lagOf(String g) {
        List<double[]> points = new ArrayList<>();
        for (ScaleBench.Sample s : run.samples()) {
            ConsumerLag.Group lag = s.groups().get(g);
            if (lag != null) {
                points.add(new double[]{s.seconds(), lag.lag()});
            }
        }
        double mid = first.seconds() + seconds / 2;
        double firstMean = points.stream().filter(p -> p[0] < mid).mapToDouble(p -> p[1]).average().orElse(0);
        List<double[]> lastHalf = points.stream().filter(p -> p[0] >= mid).toList();
        double lastMean = lastHalf.stream().mapToDouble(p -> p[1]).average().orElse(0);
        ConsumerLag.Group end = last.groups().get(g);
        ConsumerLag.Group start = first.groups().get(g);
        long consumed = end == null ? 0 : end.committed() - (start == null ? 0 : start.committed());
        return new GroupLag(firstMean, lastMean, slope(lastHalf) * 60, end == null ? 0 : end.lag(), consumed / seconds);
    }

    // ---------------------------------------------------------------- offered load

    /**
     * Tickets issued in the window, the probe's included: the per-ticket figures (database growth, events) divide what
     * every ticket in the window produced.
     */
    private long issued() {
        return last.simulator().map(SimulatorTotals::issued).orElse(0L) - first.simulator().map(SimulatorTotals::issued).orElse(0L)
                + (run.probe() == null ? 0 : run.probe().issued());
    }

    private long records(ScaleBench.Sample s, String topic) {
        return s.records().getOrDefault(topic, 0L);
    }

    private void offeredLoad() {
        line("");
        line("## Offered load (the simulator's account, and the topics)");
        line("");
        if (last.simulator().isEmpty()) {
            line("The simulator printed no totals line.");
            return;
        }
        SimulatorTotals t = last.simulator().get();
        line("| | value |");
        line("| --- | ---: |");
        line("| tickets issued / expected by the day's profile | %,d / %,d (%.0f %%) |", t.issued(), t.expected(),
                t.expected() == 0 ? 0 : 100.0 * t.issued() / t.expected());
        line("| tickets accepted, as branches at this clock (issued ÷ expected × branches) | %,.0f of %d |",
                t.expected() == 0 ? 0 : t.branches() * (double) t.issued() / t.expected(), t.branches());
        line("| ticket requests refused or failed | %,d |", t.refused());
        line("| remote tickets taken online / checked in at the kiosk (the rest count as arrived, not yet issued) | %,d / %,d |",
                t.remoteTaken(), t.remoteCheckedIn());
        line("| services finished | %,d |", t.served());
        // Over the measured window: the totals count from the simulator's start, set-up included.
        long requests = t.requests() - first.simulator().map(SimulatorTotals::requests).orElse(0L);
        long failed = t.failed() - first.simulator().map(SimulatorTotals::failed).orElse(0L);
        long shed = t.shed() - first.simulator().map(SimulatorTotals::shed).orElse(0L);
        line("| REST requests, all callers, in the window (per second) | %,d (%,.0f/s) |", requests, requests / seconds);
        line("| REST requests failed in the window (timeout, no connection, 5xx) | %,d |", failed);
        line("| simulator's own lateness, last window: mean / max (steps over 1 s of %,d) | %d ms / %,d ms (%,d) |", t.steps(),
                t.lateMeanMillis(), t.lateMaxMillis(), t.stepsOverSecond());
        line("| calls shed by the simulator's budgets in the window (never sent: no room within 2 s) | %,d |", shed);
        line("| calls in flight / waiting for room at the end | %,d / %,d |", t.inFlight(), t.waiting());
        if (!t.byKind().isEmpty()) {
            line("| per kind of caller at the end (sent and shed since the simulator started) | %s |", t.byKind());
        }
        for (String topic : ScaleBench.TOPICS) {
            long n = records(last, topic) - records(first, topic);
            line("| records on `%s` (per second) | %,d (%,.0f/s) |", topic, n, n / seconds);
        }
        long events = inputEvents(last) - inputEvents(first);
        line("| ticket + service events per ticket issued | %.2f |", issued() == 0 ? 0 : events / (double) issued());
    }

    private long inputEvents(ScaleBench.Sample s) {
        return records(s, ScaleBench.TOPICS.get(0)) + records(s, ScaleBench.TOPICS.get(1));
    }

    // ---------------------------------------------------------------- lag

    private List<String> groupIds() {
        TreeSet<String> ids = new TreeSet<>();
        run.samples().forEach(s -> ids.addAll(s.groups().keySet()));
        return new ArrayList<>(ids);
    }

    static String service(String group) {
        if (group.startsWith("queue-service")) {
            return "queue-service";
        }
        if (group.startsWith("sla-")) {
            return "sla-monitor-service";
        }
        if (group.startsWith("marketing-")) {
            return "marketing-service";
        }
        return group.startsWith("counter-") ? "counter-service" : "?";
    }

    private void lag() {
        List<String> groups = groupIds();
        line("");
        line("## Consumer lag");
        line("");
        line("Events behind per consumer group: the last stable offsets of its topics minus its committed offsets "
                + "(`AdminClient`, as a lag exporter sees it).");
        line("");
        tableHead("| wall s | simulated |", "| ---: | --- |", groups, "");
        for (ScaleBench.Sample s : run.samples()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.0f | %s |", s.seconds(), s.simulated()));
            for (String g : groups) {
                ConsumerLag.Group lag = s.groups().get(g);
                row.append(lag == null ? " – |" : String.format(Locale.ROOT, " %,d |", lag.lag()));
            }
            line(row.toString());
        }
        line("");
        line("| group | service | mean lag, first half | mean lag, last half | slope, last half (events/min) | end lag | "
                + "consumed/s | end lag in time | verdict |");
        line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (String g : groups) {
            GroupLag l = lagOf(g);
            double rate = l.consumedPerSecond();
            line("| %s | %s | %,.0f | %,.0f | %,.0f | %,d | %,.0f | %s | %s |", g, service(g), l.firstMean(), l.lastMean(),
                    l.slopePerMinute(), l.endLag(), rate, rate > 0 ? String.format(Locale.ROOT, "%,.0f s", l.endLag() / rate) : "–",
                    verdict(l.firstMean(), l.lastMean(), l.slopePerMinute(), l.endLag()));
        }
        line("");
        line("Verdict: **grows** when the last half's mean lag is over twice the first half's and over 1,000 events, or the lag still "
                + "rises at the end by more than 1,000 events a minute; **flat** otherwise.");
    }

    static String verdict(double firstMean, double lastMean, double slopePerMinute, long endLag) {
        boolean grows = (lastMean > 2 * firstMean && lastMean > 1000) || (slopePerMinute > 1000 && endLag > 1000);
        return grows ? "**grows**" : "flat";
    }

    /** Least-squares slope of {x, y} points, y per x. */
    static double slope(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return 0;
        }
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double num = 0;
        double den = 0;
        for (double[] p : points) {
            num += (p[0] - mx) * (p[1] - my);
            den += (p[0] - mx) * (p[0] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    // ---------------------------------------------------------------- CPU and memory

    private void cpuAndMemory() {
        List<String> names = new ArrayList<>(first.cpuSeconds().keySet());
        line("");
        line("## CPU and resident memory");
        line("");
        line("CPU in cores (process CPU seconds from `/proc/<pid>/stat` over wall seconds, per interval), resident memory "
                + "`VmRSS` in MB. `postgresql`: every PostgreSQL process on the machine together (the benchmark's database "
                + "server during a run), CPU only: its shared buffers count in each process's resident size.");
        line("");
        tableHead("| wall s |", "| ---: |", names, " cores / MB");
        ScaleBench.Sample previous = null;
        for (ScaleBench.Sample s : run.samples()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.0f |", s.seconds()));
            for (String n : names) {
                String cores = previous == null ? "–" : String.format(Locale.ROOT, "%.2f", cores(previous, s, n));
                row.append(String.format(Locale.ROOT, " %s / %s |", cores, mb(s.residentMb().get(n))));
            }
            line(row.toString());
            previous = s;
        }
        line("");
        line("| process | CPU mean (cores) | CPU max interval (cores) | RSS max MB | RSS end MB | < %.0f MB |", TARGET_RSS_MB);
        line("| --- | ---: | ---: | ---: | ---: | --- |");
        double total = 0;
        for (String n : names) {
            double mean = cores(first, last, n);
            total += mean;
            double max = 0;
            double rssMax = -1;
            for (int i = 0; i < run.samples().size(); i++) {
                ScaleBench.Sample s = run.samples().get(i);
                if (i > 0) {
                    max = Math.max(max, cores(run.samples().get(i - 1), s, n));
                }
                rssMax = Math.max(rssMax, s.residentMb().getOrDefault(n, -1.0));
            }
            boolean service = n.matches(".*-service(-\\d+)?");
            line("| %s | %.2f | %.2f | %s | %s | %s |", n, mean, max, mb(rssMax < 0 ? null : rssMax), mb(last.residentMb().get(n)),
                    !service ? "(not a service)" : rssMax < TARGET_RSS_MB ? "yes" : "**no**");
        }
        line("| all of them | %.2f | | | | |", total);
    }

    // ---------------------------------------------------------------- locks or cores

    private void sessionWaits() {
        SessionWaits.Result w = run.sessions();
        line("");
        line("## The database sessions: waiting on a lock, or working");
        line("");
        if (w == null || w.samples() == 0) {
            line("Not sampled%s.", w == null || w.failure() == null ? "" : ": " + w.failure());
            return;
        }
        line("`pg_stat_activity` every 200 ms over the run (%,d looks): each of the services' sessions working on a statement, "
                + "under what it waited for at that moment. A design that stops at a lock (a per-branch advisory lock, a row "
                + "every transaction takes) shows its sessions waiting on that lock; one that runs out of cores shows them "
                + "working and the machine busy. %.2f sessions were working at a look on average.%s", w.samples(), w.meanWorking(),
                w.failure() == null ? "" : " Sampling stopped early: " + w.failure() + ".");
        line("");
        line("| what the session was doing | share of session-looks |");
        line("| --- | ---: |");
        w.sessions().forEach((category, n) -> line("| %s | %.1f %% (%,d) |", category, 100 * w.share(category), n));
        line("");
        line("Waiting on a heavyweight lock (advisory, row, table): **%.1f %%** of the time the sessions worked.", 100 * w.lockShare());
    }

    private static String mb(Double residentMb) {
        return residentMb == null ? "–" : String.format(Locale.ROOT, "%.0f", residentMb);
    }

    private static double cores(ScaleBench.Sample from, ScaleBench.Sample to, String name) {
        double dt = to.seconds() - from.seconds();
        return dt <= 0 ? 0 : (to.cpuSeconds().getOrDefault(name, 0.0) - from.cpuSeconds().getOrDefault(name, 0.0)) / dt;
    }

    // ---------------------------------------------------------------- databases

    private void databases() {
        long tickets = issued();
        double branchDays = tickets / ticketsPerDay;
        line("");
        line("## Database size");
        line("");
        line("`pg_database_size` when the simulator was ready and at the end; growth per simulated branch-day = growth ÷ tickets issued "
                + "(%,d) × %.0f tickets a day (%.1f branch-days in the run). Projected linearly to %,d branches; a linear projection "
                + "over-counts rows that retention deletes (outbox after 2 days, processed events) and under-counts what vacuum has not "
                + "yet reclaimed or indexes that grow faster than their tables.", tickets, ticketsPerDay, branchDays, TARGET_BRANCHES);
        line("");
        line("| service | start | end | growth | per branch-day | %,d branches, per day | %,d branches, %d days |", TARGET_BRANCHES,
                TARGET_BRANCHES, RETENTION_DAYS);
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        long sumGrowth = 0;
        for (Map.Entry<String, Long> e : run.dbStart().entrySet()) {
            long start = e.getValue();
            long end = run.dbEnd().getOrDefault(e.getKey(), -1L);
            long growth = end - start;
            sumGrowth += growth;
            double perBranchDay = branchDays == 0 ? 0 : growth / branchDays;
            line("| %s | %s | %s | %s | %s | %s | %s |", e.getKey(), bytes(start), bytes(end), bytes(growth), bytes(perBranchDay),
                    bytes(perBranchDay * TARGET_BRANCHES), bytes(perBranchDay * TARGET_BRANCHES * RETENTION_DAYS));
        }
        double all = branchDays == 0 ? 0 : sumGrowth / branchDays;
        line("| all | | | %s | %s | %s | %s |", bytes(sumGrowth), bytes(all), bytes(all * TARGET_BRANCHES),
                bytes(all * TARGET_BRANCHES * RETENTION_DAYS));
    }

    static String bytes(double b) {
        double abs = Math.abs(b);
        if (abs >= 1e12) {
            return String.format(Locale.ROOT, "%.1f TB", b / 1e12);
        }
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
    }

    // ---------------------------------------------------------------- projection

    private void projection() {
        long tickets = issued();
        line("");
        line("## Projection to %,d branches", TARGET_BRANCHES);
        line("");
        if (tickets == 0) {
            line("No tickets were issued: nothing to project.");
            return;
        }
        line("Events each group reads per branch-day (its topics' records in the run ÷ tickets issued × %.0f), and the rate %,d branches "
                + "would ask of it in real time: the mean over the 9 opening hours and the busiest hour (factor %.1f of %.1f factor-hours). "
                + "What the run sustained is the group's consumed events/s; the branches it could follow in real time are that rate "
                + "over one branch's busiest-hour rate.", ticketsPerDay, TARGET_BRANCHES, PEAK_FACTOR, PROFILE_HOURS);
        line("");
        line("| group | events per branch-day | %,d branches: mean events/s | busiest hour events/s | sustained in the run events/s | "
                + "× the busiest hour | branches it could follow at the busiest hour |", TARGET_BRANCHES);
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String g : groupIds()) {
            ConsumerLag.Group end = last.groups().get(g);
            ConsumerLag.Group start = first.groups().get(g);
            if (end == null) {
                continue;
            }
            long produced = end.end() - (start == null ? 0 : start.end());
            long consumed = end.committed() - (start == null ? 0 : start.committed());
            double perBranchDay = produced / (double) tickets * ticketsPerDay;
            double mean = TARGET_BRANCHES * perBranchDay / (OPEN_HOURS * 3600);
            double peakPerBranch = perBranchDay * PEAK_FACTOR / PROFILE_HOURS / 3600;
            double peak = TARGET_BRANCHES * peakPerBranch;
            double sustained = consumed / seconds;
            line("| %s | %,.0f | %,.0f | %,.0f | %,.0f | %.3f | %,.0f |", g, perBranchDay, mean, peak, sustained, sustained / peak,
                    peakPerBranch == 0 ? 0 : sustained / peakPerBranch);
        }
        long input = inputEvents(last) - inputEvents(first);
        double perBranchDay = input / (double) tickets * ticketsPerDay;
        line("");
        line("All ticket and service events: %,.0f per branch-day; %,d branches produce %,.0f/s on average and %,.0f/s in the busiest "
                        + "hour; this run produced %,.0f/s.", perBranchDay, TARGET_BRANCHES, TARGET_BRANCHES * perBranchDay / (OPEN_HOURS * 3600),
                TARGET_BRANCHES * perBranchDay * PEAK_FACTOR / PROFILE_HOURS / 3600, input / seconds);
    }

    // ---------------------------------------------------------------- helpers

    /** A time-series table's header: its fixed first columns, then a right-aligned column per name. */
    private void tableHead(String head, String rule, List<String> names, String suffix) {
        StringBuilder h = new StringBuilder(head);
        StringBuilder r = new StringBuilder(rule);
        for (String name : names) {
            h.append(" ").append(name).append(suffix).append(" |");
            r.append(" ---: |");
        }
        line(h.toString());
        line(r.toString());
    }

    private void line(String format, Object... args) {
        md.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static double number(String s, double fallback) {
        try {
            return Double.parseDouble(s);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
