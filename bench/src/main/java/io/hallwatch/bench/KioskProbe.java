package io.hallwatch.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Benchmark 4's kiosk: a branch of its own, created through the queue API, where a kiosk issues tickets at a low fixed
 * rate (open loop, latency from each request's due time) while the simulator's branches load the platform, through the
 * same port the simulator uses. Its p99 is the "kiosk p99" of the capacity verdict: what a customer at a kiosk waits
 * for while the platform carries that many branches. Its own branch keeps its tickets out of the simulator's account
 * of asked and offered load, which counts the simulator's branches only.
 * <p>
 * Each customer leaves again once the ticket is issued (the ticket is cancelled, untimed): the probe's hall has no
 * counter, and at 5 tickets a second it would otherwise hold 1,500 waiting customers after five minutes, a hall no
 * branch has, whose every issue plays a queue of thousands forward and whose every ticket breaches. The first capacity
 * runs (2026-12-06 20:33) probed such a hall; their kiosk p99 measured that hall, not the platform's load.
 */
final class KioskProbe {
    private static final String[] TYPES = BenchBranches.TYPES;

    /** What the probe measured; {@code failure} set (and the figures empty) where it could not run. */
    record Result(String branch, int rate, long requests, long errors, double p50, double p99, double max, String failure) {
        boolean measured() {
            return failure == null && requests > 0;
        }

        /** Tickets it issued: those that did not fail. */
        long issued() {
            return measured() ? requests - errors : 0;
        }

        String describe() {
            return measured()
                    ? String.format(Locale.ROOT, "%d tickets at %d/s to branch %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors",
                    requests, rate, branch, p50, p99, max, errors)
                    : "not measured: " + failure;
        }
    }

    private final String queue;
    private final int rate;
    private final String branch;
    private final Supplier<HttpRequest> issue;
    private final String kiosk;

    KioskProbe(String queue, int rate) {
        this.queue = queue;
        this.rate = rate;
        this.branch = "PROBE-" + System.currentTimeMillis() % 10_000_000;
        this.kiosk = "Bearer " + BenchBranches.token("HALLWATCH_BENCH_KIOSK_TOKEN");
        AtomicLong n = new AtomicLong();
        this.issue = () -> LoadRun.postJson(queue + "/api/v1/branches/" + branch + "/tickets",
                "{\"businessType\":\"" + TYPES[(int) (n.getAndIncrement() % TYPES.length)] + "\"}", kiosk);
    }

    /** Creates the branch (as benchmark 1 does) and warms the probe's connections, before the window opens. */
    void prepare() throws Exception {
        BenchBranches.create(queue, branch, "探针营业厅");
        LoadRun.openLoop("probe warm-up", issue, rate, Duration.ofSeconds(2), this::leave);
    }

    Result run(Duration duration) {
        try {
            LoadRun.Result r = LoadRun.openLoop("kiosk probe", issue, rate, duration, this::leave);
            return new Result(branch, rate, r.requests(), r.errors(), r.ms(50), r.ms(99), r.histogram().getMaxValue() / 1e6, null);
        } catch (Exception e) {
            return failed(e.toString());
        }
    }

    /** The customer of the issued ticket (its answer's body) leaves: the ticket is cancelled. */
    private void leave(String ticket) {
        String id;
        try {
            id = HallwatchApi.JSON.readTree(ticket).path("ticketId").asText("");
        } catch (java.io.IOException e) {
            return; // not a ticket: nobody to send away
        }
        if (!id.isEmpty()) {
            LoadRun.send(LoadRun.postJson(queue + "/api/v1/tickets/" + id + "/cancel", "{\"reason\":\"probe: left at once\"}", kiosk));
        }
    }

    Result failed(String why) {
        return new Result(branch, rate, 0, 0, 0, 0, 0, why);
    }
}
