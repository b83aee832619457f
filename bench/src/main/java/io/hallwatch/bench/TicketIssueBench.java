package io.hallwatch.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Benchmark 1: a kiosk issuing tickets against the running queue-service (real PostgreSQL and
 * Kafka behind it). Open loop at a fixed rate (default 200/s) and closed loop, each compared with
 * the same service's trivial liveness endpoint at the same rate, so that the figure that matters
 * is the ratio, which the noise of a shared machine moves far less than absolute times.
 * Target: p99 under 20 ms at 200 requests/s.
 */
public final class TicketIssueBench {

    public static void main(String[] args) throws Exception {
        String queue = arg(args, "--queue", "http://127.0.0.1:8081");
        int rate = Integer.parseInt(arg(args, "--rate", "200"));
        Duration duration = Duration.ofSeconds(Long.parseLong(arg(args, "--seconds", "30")));
        int clients = Integer.parseInt(arg(args, "--clients", "8"));
        Path out = Path.of(arg(args, "--out", "bench/results/ticket-issue.md"));
        String platform = arg(args, "--platform", "queue-service");
        String loadAtStart = arg(args, "--load-start", "?");

        int branchCount = Integer.parseInt(arg(args, "--branches", "100"));
        // A province's kiosks, not one hall's: spread over many branches, queues stay hall-sized.
        String run = Long.toString(System.currentTimeMillis() % 100000);
        String[] branches = new String[branchCount];
        for (int i = 0; i < branchCount; i++) {
            branches[i] = "BENCH-" + run + "-" + i;
            BenchBranches.create(queue, branches[i], "压测营业厅");
        }
        String[] types = BenchBranches.TYPES;
        AtomicLong n = new AtomicLong();
        // One kiosk token for every branch: the bench measures ticket issue, token verification included.
        String kiosk = "Bearer " + BenchBranches.token("HALLWATCH_BENCH_KIOSK_TOKEN");
        Supplier<HttpRequest> issue = () -> {
            long i = n.getAndIncrement();
            return LoadRun.postJson(queue + "/api/v1/branches/" + branches[(int) (i % branchCount)] + "/tickets",
                    "{\"businessType\":\"" + types[(int) ((i / branchCount) % types.length)] + "\"}", kiosk);
        };
        Supplier<HttpRequest> health = () -> LoadRun.get(queue + "/q/health/live");

        System.out.println("warming up (JIT, connection pools) ...");
        LoadRun.openLoop("warm-up", issue, Math.min(rate, 100), Duration.ofSeconds(10));
        LoadRun.openLoop("warm-up", health, rate, Duration.ofSeconds(5));

        List<LoadRun.Result> results = List.of(
                LoadRun.openLoop("baseline: GET /q/health/live, open loop " + rate + "/s", health, rate, duration),
                LoadRun.openLoop("POST tickets, open loop " + rate + "/s", issue, rate, duration),
                LoadRun.closedLoop("baseline: GET /q/health/live, closed loop " + clients + " clients", health, clients, duration),
                LoadRun.closedLoop("POST tickets, closed loop " + clients + " clients", issue, clients, duration));

        String table = table(results, rate);
        System.out.println(table);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report(table, queue, rate, duration, clients, branchCount, platform, loadAtStart));
        System.out.println("written to " + out);
        // The HTTP client's pools are not daemon threads; the run is over.
        System.exit(0);
    }

    private static String table(List<LoadRun.Result> r, int rate) {
        StringBuilder sb = new StringBuilder();
        sb.append("| run | requests | errors | throughput/s | p50 ms | p99 ms | p99.9 ms | max ms |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LoadRun.Result x : r) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f |%n", x.name(), x.requests(),
                    x.errors(), x.throughput(), x.ms(50), x.ms(99), x.ms(99.9), x.histogram().getMaxValue() / 1e6));
        }
        LoadRun.Result baseOpen = r.get(0), issueOpen = r.get(1), baseClosed = r.get(2), issueClosed = r.get(3);
        sb.append(String.format(Locale.ROOT, "%nRatios (ticket issue ÷ health baseline, same run):%n"));
        sb.append(String.format(Locale.ROOT, "- open loop p99: %.1f× the baseline (%.2f ms vs %.2f ms); target p99 < 20 ms at %d/s: %s (%.0f %% of the target)%n",
                issueOpen.ms(99) / baseOpen.ms(99), issueOpen.ms(99), baseOpen.ms(99), rate,
                issueOpen.ms(99) < 20 ? "met" : "NOT met", 100 * issueOpen.ms(99) / 20));
        sb.append(String.format(Locale.ROOT, "- closed loop throughput: %.2f of the baseline (%.0f/s vs %.0f/s)%n",
                issueClosed.throughput() / baseClosed.throughput(), issueClosed.throughput(), baseClosed.throughput()));
        return sb.toString();
    }

    private static String report(String table, String queue, int rate, Duration duration, int clients, int branchCount,
                                 String platform, String loadAtStart) throws IOException {
        String cpu = Files.exists(Path.of("/proc/cpuinfo"))
                ? Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.replaceAll(".*:\\s*", "")).orElse("?") : "?";
        return "# Benchmark 1: kiosk ticket issue\n\n"
                + "Run `bench/ticket-issue` (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + cpu + ", Java " + System.getProperty("java.version") + ").\n"
                + "Target " + queue + ", " + duration.toSeconds() + " s per run, open loop at " + rate + "/s, closed loop with "
                + clients + " clients, tickets spread over " + branchCount + " branches. Latency is measured from each request's due time (no coordinated omission). "
                + "Running on this machine: Kafka, PostgreSQL, " + platform.replace(",", ", ")
                + " and the load generator. Load at start: " + loadAtStart.trim() + "; at end: " + uptime() + ".\n\n" + table;
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
