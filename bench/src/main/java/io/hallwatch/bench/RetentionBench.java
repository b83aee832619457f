package io.hallwatch.bench;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Benchmark 7, the measuring half (bench/retention does the filling): one measurement of the hot paths on the platform
 * as its database stands, appended as a line to a file the script turns into the report.
 * <ul>
 *   <li>{@code measure}: kiosk ticket issue, open loop at {@code --rate} for {@code --seconds} over {@code --branches}
 *   new branches (as benchmark 1), after a warm-up; then waits until the monitor's consumer groups have read every
 *   record and divides the monitor process's CPU seconds over the window by the records its groups read: its cost per
 *   event. The machine's busy CPU beside the benchmark's own processes is recorded, to tell a quiet run.</li>
 *   <li>{@code end-day}: the branches of {@code --run} close their day (day 1's, before it is copied).</li>
 *   <li>{@code report}: the fill lines, the measurements and the retention lines into the Markdown report.</li>
 * </ul>
 */
public final class RetentionBench {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        switch (mode) {
            case "measure" -> measure(args);
            case "end-day" -> endDay(args);
            case "report" -> report(args);
            default -> throw new IllegalArgumentException("usage: RetentionBench measure|end-day|report --options");
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        String label = Machine.arg(args, "--label", "day");
        String queue = Machine.arg(args, "--queue", "http://127.0.0.1:18081");
        String bootstrap = Machine.arg(args, "--bootstrap", "127.0.0.1:19092");
        long monitorPid = Long.parseLong(Machine.arg(args, "--monitor-pid", "0"));
        String ours = Machine.arg(args, "--our-pids", "");
        String[] names = Machine.arg(args, "--names", "").split(",");
        int rate = Integer.parseInt(Machine.arg(args, "--rate", "200"));
        Duration duration = Duration.ofSeconds(Long.parseLong(Machine.arg(args, "--seconds", "30")));
        int branchCount = Integer.parseInt(Machine.arg(args, "--branches", "100"));
        Path out = Path.of(Machine.arg(args, "--out", "bench/target/retention-measurements.tsv"));

        // The same --run names the same branches: each measurement opens them again (the day before may have ended
        // them), so day 30 is measured on day 1's branches, with their days before, not on new ones beside them.
        String run = Machine.arg(args, "--run", Long.toString(System.currentTimeMillis() % 10_000_000));
        String[] branches = new String[branchCount];
        for (int i = 0; i < branchCount; i++) {
            branches[i] = branch(run, i);
            BenchBranches.create(queue, branches[i], "压测营业厅");
        }
        AtomicLong n = new AtomicLong();
        String kiosk = "Bearer " + BenchBranches.token("HALLWATCH_BENCH_KIOSK_TOKEN");
        Supplier<HttpRequest> issue = () -> {
            long i = n.getAndIncrement();
            return LoadRun.postJson(queue + "/api/v1/branches/" + branches[(int) (i % branchCount)] + "/tickets",
                    "{\"businessType\":\"" + BenchBranches.TYPES[(int) ((i / branchCount) % BenchBranches.TYPES.length)] + "\"}", kiosk);
        };
        System.out.println("[" + label + "] warming up ...");
        LoadRun.openLoop("warm-up", issue, Math.min(rate, 100), Duration.ofSeconds(Long.parseLong(Machine.arg(args, "--warm-up", "10"))));
        try (ConsumerLag lag = new ConsumerLag(bootstrap)) {
            awaitMonitor(lag, Duration.ofMinutes(3));
            long readBefore = monitorRead(lag);
            double monitorBefore = Machine.cpuSeconds(monitorPid);
            double machineBefore = Machine.machineBusySeconds();
            Map<String, Double> byProcessBefore = cpuByProcess(names, ours);
            String loadBefore = Machine.load();
            Instant start = Instant.now();
            LoadRun.Result r = LoadRun.openLoop("POST tickets, open loop " + rate + "/s", issue, rate, duration);
            awaitMonitor(lag, Duration.ofMinutes(3));
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            long read = monitorRead(lag) - readBefore;
            double monitorCpu = Machine.cpuSeconds(monitorPid) - monitorBefore;
            double machineAfter = Machine.machineBusySeconds();
            Map<String, Double> byProcessAfter = cpuByProcess(names, ours);
            double oursSeconds = byProcessAfter.values().stream().mapToDouble(Double::doubleValue).sum()
                    - byProcessBefore.values().stream().mapToDouble(Double::doubleValue).sum();
            double others = Math.max(0, (machineAfter - machineBefore) - oursSeconds) / seconds;
            String byProcess = byProcessAfter.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), (e.getValue() - byProcessBefore.getOrDefault(e.getKey(), 0.0)) / seconds))
                    .collect(java.util.stream.Collectors.joining(", "));
            String line = String.join("\t", label, Long.toString(r.requests()), Long.toString(r.errors()),
                    String.format(Locale.ROOT, "%.1f", r.throughput()), String.format(Locale.ROOT, "%.2f", r.ms(50)),
                    String.format(Locale.ROOT, "%.2f", r.ms(99)), String.format(Locale.ROOT, "%.2f", r.histogram().getMaxValue() / 1e6),
                    Long.toString(read), String.format(Locale.ROOT, "%.1f", read == 0 ? -1 : monitorCpu * 1e6 / read),
                    String.format(Locale.ROOT, "%.2f", others), loadBefore, Machine.load(), byProcess);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("[" + label + "] " + line);
        }
    }

    /**
     * The day copied into the days before must look like a finished one: no ticket left open, no timer. Its own step,
     * after the measurement's statements are read, so that the closing's statements are not counted in the minute.
     */
    private static void endDay(String[] args) throws Exception {
        String queue = Machine.arg(args, "--queue", "http://127.0.0.1:18081");
        String run = Machine.arg(args, "--run", "");
        int branchCount = Integer.parseInt(Machine.arg(args, "--branches", "100"));
        System.out.println("[day 1] ending the branches' day ...");
        for (int i = 0; i < branchCount; i++) {
            BenchBranches.closeDay(queue, branch(run, i), "压测营业厅", Duration.ofMinutes(2));
        }
        try (ConsumerLag lag = new ConsumerLag(Machine.arg(args, "--bootstrap", "127.0.0.1:19092"))) {
            awaitAll(lag, Duration.ofMinutes(3));
        }
    }

    /** The run's {@code i}th branch: the same in every measurement of the run. */
    private static String branch(String run, int i) {
        return "RETAIN-" + run + "-" + i;
    }

    /** Until every consumer group has read what its topics hold. */
    private static void awaitAll(ConsumerLag lag, Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        while (lag.sample().values().stream().mapToLong(ConsumerLag.Group::lag).sum() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The consumers did not catch up within " + atMost);
            }
            Thread.sleep(200);
        }
    }

    /** Until every consumer group of the monitor has read what its topics hold. */
    private static void awaitMonitor(ConsumerLag lag, Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            long behind = lag.sample().values().stream().filter(g -> g.id().contains("sla")).mapToLong(ConsumerLag.Group::lag).sum();
            if (behind == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The monitor did not catch up within " + atMost);
    }

    private static long monitorRead(ConsumerLag lag) throws Exception {
        return lag.sample().values().stream().filter(g -> g.id().contains("sla")).mapToLong(ConsumerLag.Group::committed).sum();
    }

    /**
     * CPU seconds so far of each of the benchmark's processes, by the names given for {@code pids} (same order; "pid N"
     * past them), then PostgreSQL's processes by role (Machine#postgresRole) and this one (the load generator): what
     * each took of the window, and together what the benchmark took of the machine.
     */
    private static Map<String, Double> cpuByProcess(String[] names, String pids) {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        String[] p = pids.split(",");
        for (int i = 0; i < p.length; i++) {
            if (!p[i].isBlank()) {
                cpu.put(i < names.length && !names[i].isBlank() ? names[i] : "pid " + p[i].trim(),
                        Math.max(0, Machine.cpuSeconds(Long.parseLong(p[i].trim()))));
            }
        }
        // PostgreSQL by what its processes do (each database's connections, autovacuum, the writers, those exited since):
        // a day whose server works harder shows where.
        Machine.cpuSecondsByRole("postgres", Machine::postgresRole).forEach((role, seconds) -> cpu.put("postgresql " + role, seconds));
        cpu.put("load generator", Math.max(0, Machine.cpuSeconds(ProcessHandle.current().pid())));
        return cpu;
    }

    private static void report(String[] args) throws Exception {
        Path fill = Path.of(Machine.arg(args, "--fill", "bench/target/retention-fill.tsv"));
        Path measurements = Path.of(Machine.arg(args, "--measurements", "bench/target/retention-measurements.tsv"));
        Path retention = Path.of(Machine.arg(args, "--retention", "bench/target/retention-drop.tsv"));
        Path out = Path.of(Machine.arg(args, "--out", "bench/results/retention.md"));
        String header = Files.readString(Path.of(Machine.arg(args, "--header", "bench/target/retention-header.md")));

        StringBuilder md = new StringBuilder(header).append('\n');
        md.append("## The days before today, filled\n\n");
        md.append("Each day's partitions made as the partition job makes them, then the rows of today's partitions copied into the day ")
                .append("with their time-ordered key moved into it (every partitioned table of every service, the outbox's sent rows only), ")
                .append("as many times as makes the day's tickets.\n\n");
        md.append("| day | tickets that day | queue MB | counter MB | sla-monitor MB | marketing MB | all MB |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String l : Files.readAllLines(fill)) {
            String[] f = l.split("\t");
            double all = 0;
            for (int i = 2; i < 6; i++) {
                all += Double.parseDouble(f[i]);
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f |%n", f[0], f[1], f[2], f[3], f[4], f[5], all));
        }
        Path day = Path.of(Machine.arg(args, "--day", "bench/target/retention-day.md"));
        if (Files.exists(day)) {
            md.append('\n').append(Files.readString(day));
        }
        List<String[]> m = new ArrayList<>();
        for (String l : Files.readAllLines(measurements)) {
            m.add(l.split("\t"));
        }
        md.append("\n## The hot paths on the first day and on the last\n\n");
        md.append("The monitor's CPU per record is its process's CPU over the window (its timer scans, branch evaluation and ")
                .append("watermarks included) divided by the records its consumer groups read: a figure to compare, not its cost alone. ")
                .append("PostgreSQL's CPU is by role: each database's connections (`backends <database>`), `autovacuum`, `writers` ")
                .append("(checkpointer, background writer, WAL writer), and `exited`: the processes that ended in the window (closed ")
                .append("connections, finished autovacuum workers), their whole life, which their role's figure gives back as a negative.\n\n");
        md.append("| measured | tickets | errors | issued/s | issue p50 ms | issue p99 ms | max ms | monitor records read | monitor CPU µs per record | other work on the machine (cores) | load before | load after | CPU by process in the window (cores) |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        for (String[] f : m) {
            md.append("| ").append(String.join(" | ", f)).append(" |\n");
        }
        List<String[]> second = m.stream().filter(f -> f[0].endsWith("second minute")).toList();
        List<String[]> dayOneRounds = m.stream().filter(f -> f[0].startsWith("day 1, round")).toList();
        List<String[]> lastDayRounds = m.stream().filter(f -> !f[0].startsWith("day 1") && f[0].contains(", round")).toList();
        if (m.size() >= 2) {
            // Day 1 against day 30: where the run took turns (rounds), the mean of each day's rounds; else each in its
            // second minute where measured so (the first after a start has its cold caches). The one after retention is
            // shown beside them.
            List<String[]> a;
            List<String[]> b;
            if (!dayOneRounds.isEmpty() && !lastDayRounds.isEmpty()) {
                a = dayOneRounds;
                b = lastDayRounds;
            } else {
                a = List.<String[]>of(second.size() >= 2 ? second.get(0) : m.get(0));
                b = List.<String[]>of(second.size() >= 2 ? second.get(1) : m.get(1));
            }
            String nameA = a.size() == 1 ? a.get(0)[0] : "day 1 (mean of " + a.size() + " rounds)";
            String nameB = b.size() == 1 ? b.get(0)[0] : "the last day (mean of " + b.size() + " rounds)";
            double p99a = mean(a, 5);
            double p99b = mean(b, 5);
            double costA = mean(a, 8);
            double costB = mean(b, 8);
            double busy = java.util.stream.Stream.concat(a.stream(), b.stream()).mapToDouble(f -> Double.parseDouble(f[9])).max().orElse(0);
            boolean quiet = busy < 0.3;
            long asked = a.stream().mapToLong(f -> Long.parseLong(f[1])).min().orElse(0);
            boolean offered = asked > 0 && b.stream().allMatch(f -> Long.parseLong(f[1]) >= asked * 95 / 100);
            // Unchanged: within a fifth or 2 ms for the p99 (a shared machine's noise), within a fifth for the CPU per record.
            boolean issueFlat = p99b <= Math.max(p99a * 1.2, p99a + 2);
            boolean costFlat = costB <= costA * 1.2;
            md.append(String.format(Locale.ROOT, "%nIssue p99 %.2f ms on %s, %.2f ms on %s (%+.0f %%); the monitor's CPU per record %.1f µs, %.1f µs (%+.0f %%).%n",
                    p99a, nameA, p99b, nameB, 100 * (p99b - p99a) / p99a, costA, costB, 100 * (costB - costA) / costA));
            md.append(String.format(Locale.ROOT, "Verdict: %s.%n", !quiet ? "not judged: other work used " + busy + " cores beside the benchmark (discard the run)"
                    : !offered ? "not judged: the last day's load did not arrive in full"
                    : issueFlat && costFlat ? "**unchanged** (within a fifth, or 2 ms for the p99) — met"
                    : "**changed** — not met (issue " + (issueFlat ? "flat" : "slower") + ", monitor " + (costFlat ? "flat" : "costlier") + ")"));
        }
        md.append("\n## Retention\n\n");
        for (String l : Files.readAllLines(retention)) {
            md.append(l).append('\n');
        }
        Path topics = Path.of(Machine.arg(args, "--topics", "bench/target/retention-topics.md"));
        if (Files.exists(topics)) {
            md.append("\n## What the topics hold per record\n\n")
                    .append("The mix is this benchmark's (kiosk issues, no counter calling, day 1's close), not a hall's day. ")
                    .append(Files.readString(topics));
        }
        Path statements = Path.of(Machine.arg(args, "--statements", "bench/target/retention-statements.md"));
        md.append("\n## The services' statements in each measurement\n\n");
        if (Files.exists(statements)) {
            md.append("From `pg_stat_statements` (reset before each measurement, its warm-up included): each service's six statements that took the most time.\n");
            md.append(Files.readString(statements));
        } else {
            md.append("Not listed: the PostgreSQL server does not preload `pg_stat_statements` (`shared_preload_libraries`).\n");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
        System.out.println("written to " + out);
    }

    private static double mean(List<String[]> rows, int column) {
        return rows.stream().mapToDouble(f -> Double.parseDouble(f[column])).average().orElse(Double.NaN);
    }

    private RetentionBench() {
    }
}
