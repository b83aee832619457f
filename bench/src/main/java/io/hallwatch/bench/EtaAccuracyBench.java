package io.hallwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 5's report: after the simulator's day (bench/eta-accuracy runs it), how well the waits
 * printed on the tickets came true, per branch: the hall forecast customers were given against what
 * the earlier formula would have told the same customers, from the queue-service's own
 * {@code eta-accuracy} report, beside the share of waits over the limit from the monitor's
 * {@code sla-report}. The target (≥ 80 % within ±3 minutes and MAE ≤ 2 minutes, customers issued with
 * fewer than 30 people ahead) is judged on the branches that are not hopelessly understaffed: those
 * where at most half of the waits ran over the limit; the others are reported as they are.
 */
public final class EtaAccuracyBench {
    private static final double TARGET_WITHIN = 0.80;
    private static final double TARGET_MAE_SECONDS = 120;
    private static final double UNDERSTAFFED_OVER_LIMIT_SHARE = 0.5;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        HallwatchApi api = new HallwatchApi(a.get("queue"), a.get("queue"), a.get("monitor"));
        Instant dayEnds = Instant.ofEpochSecond(Long.parseLong(a.get("day-ends-at")));
        String date = a.get("date");
        List<String> branches = List.of(a.get("branches").split(","));
        while (Instant.now().isBefore(dayEnds)) {
            long left = dayEnds.getEpochSecond() - Instant.now().getEpochSecond();
            System.out.printf("%s  the simulated day ends in %d s (real); %s%n", Instant.now(), left, Machine.load());
            Thread.sleep(Math.min(30_000, Math.max(1_000, left * 1000)));
        }
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark 5: wait estimate accuracy\n\nRun `bench/eta-accuracy` (").append(Instant.now()).append(", ")
                .append(Machine.describe()).append(").\n").append(a.getOrDefault("context", "")).append("\n\n")
                .append("Customers called on ").append(date).append(" (the simulator's day), their wait told at issue against the ")
                .append("wait they had (issue to first call). `forecast`: the estimate given (the hall played forward); `basic`: what ")
                .append("the earlier formula (people ahead of the type × mean handling ÷ counters open for it) would have told the same ")
                .append("customers. Scope of the target: customers issued with fewer than 30 people ahead.\n\n")
                .append("| branch | called | < 30 ahead | waits over the limit | forecast MAE min | forecast within ±3 min | forecast bias min | basic MAE min | basic within ±3 min | basic bias min | target |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        List<String> verdicts = new ArrayList<>();
        StringBuilder types = new StringBuilder();
        for (String b : branches) {
            JsonNode eta = api.etaAccuracy(b, date).expect(200).body();
            JsonNode sla = api.slaReport(b, date).expect(200).body();
            JsonNode few = eta.path("fewerThan30Ahead");
            long judged = sla.path("total").path("waitWithinLimit").asLong() + sla.path("total").path("waitOverLimit").asLong();
            double overShare = judged == 0 ? 0 : sla.path("total").path("waitOverLimit").asDouble() / judged;
            JsonNode f = few.path("forecast");
            JsonNode basic = few.path("basic");
            boolean understaffed = overShare > UNDERSTAFFED_OVER_LIMIT_SHARE;
            String verdict;
            if (f.path("called").asLong() == 0) {
                verdict = "no customers called";
            } else if (understaffed) {
                verdict = "not judged: hopelessly understaffed (" + pct(overShare) + " of waits over the limit)";
            } else {
                boolean met = f.path("withinToleranceShare").asDouble() >= TARGET_WITHIN
                        && f.path("meanAbsoluteErrorSeconds").asDouble() <= TARGET_MAE_SECONDS;
                verdict = met ? "**met**" : "**not met**";
                verdicts.add(b + " " + (met ? "met" : "not met"));
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %.1f | %s | %+.1f | %.1f | %s | %+.1f | %s |%n", b,
                    eta.path("total").path("forecast").path("called").asLong(), f.path("called").asLong(), pct(overShare),
                    min(f, "meanAbsoluteErrorSeconds"), pct(f.path("withinToleranceShare").asDouble()), min(f, "biasSeconds"),
                    min(basic, "meanAbsoluteErrorSeconds"), pct(basic.path("withinToleranceShare").asDouble()), min(basic, "biasSeconds"),
                    verdict));
            for (JsonNode t : eta.path("businessTypes")) {
                types.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %s | %+.1f | %.1f | %s | %+.1f |%n", b,
                        t.path("businessType").asText(), t.path("forecast").path("called").asLong(),
                        min(t.path("forecast"), "meanAbsoluteErrorSeconds"), pct(t.path("forecast").path("withinToleranceShare").asDouble()),
                        min(t.path("forecast"), "biasSeconds"), min(t.path("basic"), "meanAbsoluteErrorSeconds"),
                        pct(t.path("basic").path("withinToleranceShare").asDouble()), min(t.path("basic"), "biasSeconds")));
            }
        }
        out.append("\nPer business type (all customers called):\n\n")
                .append("| branch | type | called | forecast MAE min | forecast within ±3 min | forecast bias min | basic MAE min | basic within ±3 min | basic bias min |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n").append(types)
                .append("\nTarget (≥ 80 % within ±3 min and MAE ≤ 2 min, fewer than 30 ahead, branches with at most half of the waits over ")
                .append("the limit): ").append(verdicts.isEmpty() ? "no branch to judge" : String.join(", ", verdicts)).append(".\n")
                .append("Load at the end: ").append(Machine.load()).append("\n");
        System.out.print(out);
        Path file = Path.of(a.getOrDefault("out", "bench/results/eta-accuracy.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out.toString());
        System.out.println("written to " + file);
        System.exit(0); // the API client's worker threads would keep the JVM (and the script) waiting
    }

    private static double min(JsonNode n, String field) {
        return n.path(field).asDouble() / 60.0;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
