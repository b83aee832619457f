package io.hallwatch.bench;

import io.hallwatch.events.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 4: the platform under the simulator's many branches for a few minutes of wall time.
 * {@code bench/scale} starts Kafka, the services and the simulator; this watches them: every
 * consumer group's lag, each process's CPU and resident memory, the databases' size, and the
 * simulator's account of the load it offered, then writes {@code bench/results/scale.md}.
 * <p>
 * Options: {@code --process name=pid} and {@code --db service=database} (repeated), {@code --minutes},
 * {@code --interval} (seconds), {@code --sim-log}, and what the run was asked ({@code --branches},
 * {@code --tickets-per-day}, {@code --scale}, {@code --counters}, {@code --jvm}, {@code --replicas}) for the report;
 * {@code --queue} and {@code --probe-rate} for the kiosk probe ({@link KioskProbe}), {@code --summary} a file to
 * append the run's one-line summary to (bench/capacity reads it).
 */
public final class ScaleBench {
    static final List<String> TOPICS = List.of(Topics.TICKETS, Topics.SERVICES, Topics.SLA, Topics.MARKETING);

    /** One look at everything, {@code seconds} after the simulated day began. */
    record Sample(double seconds, String simulated, Map<String, ConsumerLag.Group> groups, Map<String, Double> cpuSeconds,
                  Map<String, Double> residentMb, Map<String, Long> records, Optional<SimulatorTotals> simulator) {
    }

    /**
     * {@code otherWorkCores}: CPU the machine spent on other processes than the benchmark's during the window, in cores
     * (null where unknown). {@code sessions}: what the services' database sessions waited for (null where not sampled).
     */
    record Run(Map<String, String> asked, String loadStart, String loadEnd, Map<String, Long> dbStart, Map<String, Long> dbEnd,
               List<Sample> samples, String stoppedEarly, KioskProbe.Result probe, Double otherWorkCores,
               SessionWaits.Result sessions) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Long> pids = pairs(args, "--process", Long::parseLong);
        Map<String, String> databases = pairs(args, "--db", s -> s);
        Duration length = Duration.ofSeconds(Math.round(60 * Double.parseDouble(Machine.arg(args, "--minutes", "10"))));
        Duration interval = Duration.ofSeconds(Long.parseLong(Machine.arg(args, "--interval", "10")));
        Path simLog = Path.of(Machine.arg(args, "--sim-log", "bench/target/platform/logs/simulator.log"));
        Path out = Path.of(Machine.arg(args, "--out", "bench/results/scale.md"));
        Map<String, String> asked = new LinkedHashMap<>();
        for (String key : List.of("--branches", "--tickets-per-day", "--scale", "--counters", "--minutes", "--jvm", "--threads", "--calls", "--idle-max",
                "--replicas")) {
            asked.put(key.substring(2), Machine.arg(args, key, "?"));
        }
        String pg = Machine.arg(args, "--pg", "127.0.0.1:5432:postgres");
        Database db = new Database(pg);
        Path summary = Path.of(Machine.arg(args, "--summary", ""));
        int probeRate = Integer.parseInt(Machine.arg(args, "--probe-rate", "5"));

        String started = waitForSimulator(simLog, pids.get("simulator"), Duration.ofMinutes(20));
        System.out.println("[scale] " + started);
        KioskProbe probe = new KioskProbe(Machine.arg(args, "--queue", "http://127.0.0.1:18081"), Math.max(1, probeRate));
        String probeFailure = probeRate <= 0 ? "--probe-rate 0" : null;
        if (probeFailure == null) {
            try {
                probe.prepare();
            } catch (Exception e) {
                probeFailure = e.toString();
            }
        }
        waitForOpening(Instant.ofEpochSecond(Long.parseLong(Machine.arg(args, "--opens-at", "0"))));
        asked.put("started", started);
        String loadStart = Machine.load();
        Map<String, Long> dbStart = db.sizes(databases);
        List<Sample> samples = new ArrayList<>();
        String stoppedEarly = null;
        Double otherWork;
        SessionWaits.Result sessions;
        CompletableFuture<KioskProbe.Result> probing = probeFailure != null
                ? CompletableFuture.completedFuture(probe.failed(probeFailure))
                : CompletableFuture.supplyAsync(() -> probe.run(length));
        String[] hostPortUser = pg.split(":");
        try (ConsumerLag lag = new ConsumerLag(Machine.arg(args, "--bootstrap", "127.0.0.1:19092"));
             SessionWaits waits = new SessionWaits(hostPortUser[0], hostPortUser[1], hostPortUser[2], databases.values(),
                     Duration.ofMillis(200))) {
            // Everything the machine did in the window, less what the benchmark's own processes did: other work.
            double machineBefore = Machine.machineBusySeconds();
            double oursBefore = cpuOfOurs(pids.values());
            long began = System.nanoTime();
            long next = began;
            while (true) {
                Sample s = sample(lag, pids, simLog, (System.nanoTime() - began) / 1e9);
                samples.add(s);
                System.out.println("[scale] " + progress(s));
                String dead = pids.entrySet().stream().filter(e -> !ProcessHandle.of(e.getValue()).map(ProcessHandle::isAlive).orElse(false))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (dead != null) {
                    stoppedEarly = dead + " exited after " + Math.round(s.seconds()) + " s; see its log";
                    break;
                }
                if (System.nanoTime() - began >= length.toNanos()) {
                    break;
                }
                next += interval.toNanos();
                long sleep = Math.min(next, began + length.toNanos()) - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
            }
            sessions = waits.stop();
            double wall = (System.nanoTime() - began) / 1e9;
            double machine = Machine.machineBusySeconds();
            otherWork = machineBefore < 0 || machine < 0 ? null
                    : Math.max(0, (machine - machineBefore) - (cpuOfOurs(pids.values()) - oursBefore)) / wall;
        }
        String loadEnd = Machine.load();
        KioskProbe.Result probed = probing.get();
        System.out.println("[scale] kiosk probe: " + probed.describe());
        Run run = new Run(asked, loadStart, loadEnd, dbStart, db.sizes(databases), samples, stoppedEarly, probed, otherWork, sessions);
        ScaleReport report = new ScaleReport(run);
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown);
        System.out.println("written to " + out);
        if (!summary.toString().isEmpty()) {
            // One line per run for bench/capacity, which searches on the verdict word and tabulates the rest.
            Files.createDirectories(summary.toAbsolutePath().getParent());
            Files.writeString(summary, report.summaryLine(out.toString()) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(0);
    }

    /**
     * CPU seconds of the benchmark's own processes: those it was given (services, round-robins, Kafka, simulator),
     * every PostgreSQL process (the services' database server; this machine's PostgreSQL is the benchmark's during a
     * run), and this process, which runs the probe.
     */
    private static double cpuOfOurs(java.util.Collection<Long> pids) {
        double sum = postgresCpuSeconds();
        for (long pid : pids) {
            sum += Math.max(0, Machine.cpuSeconds(pid));
        }
        return sum + Math.max(0, Machine.cpuSeconds(ProcessHandle.current().pid()));
    }

    /** The CPU table's name for every PostgreSQL process together. */
    static final String POSTGRESQL = "postgresql";

    /** CPU seconds of every PostgreSQL process on the machine (0 where there is none). */
    private static double postgresCpuSeconds() {
        return Math.max(0, Machine.cpuSecondsOfCommand("postgres"));
    }

    private static Sample sample(ConsumerLag lag, Map<String, Long> pids, Path simLog, double seconds) throws Exception {
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            cpu.put(name, Machine.cpuSeconds(pid));
            rss.put(name, Machine.residentMb(pid));
        });
        // Every PostgreSQL process: the services' database server, the benchmark's during a run (other work on it is
        // what the run's "other work" check catches). No resident size: its shared buffers count in every process.
        cpu.put(POSTGRESQL, postgresCpuSeconds());
        Optional<SimulatorTotals> sim = SimulatorTotals.last(simLog);
        return new Sample(seconds, sim.map(SimulatorTotals::simulatedTime).orElse("?"), lag.sample(), cpu, rss, lag.records(TOPICS), sim);
    }

    private static String progress(Sample s) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5.0f s [%s]", s.seconds(), s.simulated()));
        s.groups().forEach((id, g) -> sb.append(String.format(Locale.ROOT, "  %s lag %,d", id, g.lag())));
        s.residentMb().forEach((name, mb) -> sb.append(String.format(Locale.ROOT, "  %s %.0f MB", name, mb)));
        s.simulator().ifPresent(t -> sb.append(String.format(Locale.ROOT, "  issued %,d of %,d, failed %,d, late max %d ms",
                t.issued(), t.expected(), t.failed(), t.lateMaxMillis())));
        return sb.toString();
    }

    private static String waitForSimulator(Path log, Long pid, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> line = SimulatorTotals.started(log);
            if (line.isPresent()) {
                return line.get();
            }
            if (pid != null && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("the simulator exited before its branches were set up; see " + log);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the simulator did not set up its branches within " + limit.toMinutes() + " min; see " + log);
    }

    /**
     * Until the simulated day has opened (09:00, at the real instant the script computed from its
     * clock), so that every run measures the same part of the day however long its start-up took;
     * set-up that ran past the opening shows in the report's "ready" line.
     */
    private static void waitForOpening(Instant opensAt) throws InterruptedException {
        long millis = Duration.between(Instant.now(), opensAt).toMillis();
        if (millis > 0) {
            System.out.println("[scale] waiting " + millis / 1000 + " s for the simulated day to open");
            Thread.sleep(millis);
        }
    }

    private static <T> Map<String, T> pairs(String[] args, String option, java.util.function.Function<String, T> value) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(option)) {
                String[] kv = args[i + 1].split("=", 2);
                map.put(kv[0], value.apply(kv[1]));
            }
        }
        return map;
    }
}
