package io.hallwatch.simulator;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs simulated branches against the platform's REST API only, as kiosks and counter terminals
 * would, on the platform's scaled clock, and prints one line per branch: waiting, issued, served,
 * open breaches.
 */
@QuarkusMain
public class SimulatorMain implements QuarkusApplication {
    private static final List<String> DEMO_BRANCHES = List.of("GZ-TH-001", "SZ-FT-002");
    private static final Duration TICK = Duration.ofMillis(250);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    SimulatorConfig config;
    @ConfigProperty(name = "hallwatch.clock.scale")
    double scale;
    @ConfigProperty(name = "hallwatch.clock.epoch")
    Optional<Instant> epoch;
    @ConfigProperty(name = "hallwatch.clock.real-start")
    Optional<Instant> realStart;

    public static void main(String... args) {
        Quarkus.run(SimulatorMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        Instant start = realStart.orElseGet(Instant::now);
        SimClock clock = new SimClock(epoch.orElse(start), start, scale);
        SimTokens tokens = new SimTokens(config.tokenIssuer(), config.tokenAudience());
        Traffic traffic = new Traffic();
        Lateness lateness = new Lateness();
        // A few workers run the steps and the answers' continuations; one timer thread only keeps time.
        ExecutorService workers = Executors.newFixedThreadPool(config.threads(), daemon("sim-worker"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("sim-timer"));
        Steps steps = new Steps(timer, workers, clock, lateness);
        long callWait = config.callWait().toNanos();
        CallBudget kiosks = new CallBudget("kiosks", config.kioskCalls(), config.callLine(), callWait, System::nanoTime, workers);
        CallBudget clerks = new CallBudget("clerks", config.clerkCalls(), config.callLine(), callWait, System::nanoTime, workers);
        CallBudget managers = new CallBudget("duty-managers", config.dutyManagerCalls(), config.callLine(), callWait, System::nanoTime, workers);
        List<CallBudget> budgets = List.of(kiosks, clerks, managers);
        Api anonymous = new Api(traffic, workers);
        Api api = anonymous.as(tokens.admin());
        Random random = new Random(config.seed());
        boolean perBranch = config.summary() == SimulatorConfig.Summary.PER_BRANCH;

        CustomerMix mix = catalogue(api);
        // Setting up 1,000 branches one call at a time would eat an hour of a 60x day: in parallel.
        List<String> branchIds = new ArrayList<>(DEMO_BRANCHES);
        branchIds.addAll(inParallel(IntStream.rangeClosed(1, config.extraBranches()).boxed().toList(),
                n -> createBranch(api, n, mix.businessTypes())));
        if (config.extraBranches() >= 1) {
            // The demo's neighbours: the created hall and the Guangzhou one, twelve minutes apart.
            putNeighbours(api, "SIM-001", "GZ-TH-001", 12);
            putNeighbours(api, "GZ-TH-001", "SIM-001", 12);
        }
        List<Boolean> rostered = inParallel(IntStream.range(0, branchIds.size()).boxed().toList(),
                i -> putDutyRoster(api, branchIds.get(i), i + 1, perBranch));
        if (!perBranch) {
            System.out.printf("simulator: duty rosters put for %d of %d branches%n", rostered.stream().filter(b -> b).count(), branchIds.size());
        }
        List<Long> seeds = branchIds.stream().map(b -> random.nextLong()).toList();
        List<BranchSim> branches = inParallel(IntStream.range(0, branchIds.size()).boxed().toList(), i -> {
            String branchId = branchIds.get(i);
            Random branchRandom = new Random(seeds.get(i));
            List<ClerkSim> clerkSims = new ArrayList<>();
            for (var counter : api.get(config.counterUrl() + "/api/v1/branches/" + branchId + "/counters").body()) {
                ClerkSim clerk = new ClerkSim(branchId, counter.path("counterId").asText(), anonymous.as(tokens.clerk(branchId)).within(clerks),
                        config, new Random(branchRandom.nextLong()), steps, mix);
                clerkSims.add(clerk);
                clerk.start();
            }
            BranchSim branch = new BranchSim(branchId, clerkSims, anonymous.as(tokens.floor(branchId)).within(kiosks), config, clock,
                    new Random(branchRandom.nextLong()), lateness, mix);
            // Its customers before they come: remote tickets and appointments (the plans put now, as admin).
            AheadSim ahead = new AheadSim(branchId, anonymous.as(tokens.onlineHall(branchId)).within(kiosks),
                    anonymous.as(tokens.floor(branchId)).within(kiosks), config, clock, new Random(branchRandom.nextLong()), steps,
                    branch::checkedIn);
            ahead.putPlans(api, mix.businessTypes());
            branch.ahead = ahead;
            return branch;
        });
        branches.forEach(b -> b.ahead.start());
        System.out.printf("simulator: %d branches, %d counters, %.0fx clock, %.1f customers a day per branch, %d threads, simulated time %s"
                        + " (calls in flight at most: kiosks %d, clerks %d, duty managers %d)%n",
                branches.size(), branches.stream().mapToInt(b -> b.clerks.size()).sum(), scale,
                config.baseArrivalsPerHour() * IntStream.range(0, 24).mapToDouble(ArrivalProfile::factor).sum(), config.threads(),
                clock.now().atZone(ZONE).toLocalDateTime(), config.kioskCalls(), config.clerkCalls(), config.dutyManagerCalls());

        // Each branch ticks on its own, spread over the tick. A tick only starts its calls, so late
        // ticks no longer hold threads; fixed delay still keeps overdue ticks from queueing up.
        for (int i = 0; i < branches.size(); i++) {
            BranchSim b = branches.get(i);
            steps.every(TICK.toMillis() * i / branches.size(), TICK.toMillis(), () -> b.tick(TICK));
        }
        Totals totals = new Totals(branches, clock, config.baseArrivalsPerHour(), traffic, lateness, budgets);
        long poll = config.dutyManagerPoll().toMillis();
        for (int i = 0; i < branches.size(); i++) {
            String branchId = branches.get(i).branchId;
            DutyManagerSim manager = new DutyManagerSim(branchId, anonymous.as(tokens.floor(branchId)).within(managers), config, clock,
                    new Random(random.nextLong()));
            steps.every(1000 + poll * i / branches.size(), poll, manager::tick);
        }
        // Calls that waited too long for their budget are shed even while the platform answers nothing.
        steps.every(TICK.toMillis(), TICK.toMillis(), () -> budgets.forEach(CallBudget::shedOverdue));
        // Its own thread: the summary must come on time whatever the workers are doing, or it
        // would report an old simulated time as now (and the per-branch summary's calls block).
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(daemon("sim-reporter"));
        reporter.scheduleAtFixedRate(() -> {
            if (perBranch) {
                summary(clock, branches);
            } else {
                System.out.println(totals.line());
            }
        }, config.summaryInterval().toMillis(), config.summaryInterval().toMillis(), TimeUnit.MILLISECONDS);
        Quarkus.waitForExit();
        reporter.shutdownNow();
        timer.shutdownNow();
        workers.shutdownNow();
        System.out.println(totals.line());
        return 0;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code step} for every item on a pool of the configured size; results in the items' order. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> step) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(config.setupThreads());
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> step.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private void summary(SimClock clock, List<BranchSim> branches) {
        String time = clock.now().atZone(ZONE).toLocalTime().withNano(0).toString();
        for (BranchSim b : branches) {
            System.out.printf("[%s] %-10s waiting %3d  issued %4d  served %4d  open breaches %s%s%s%s%n",
                    time, b.branchId, b.waiting(), b.issued.get(), b.served(), b.breaches(),
                    b.advisedAway.get() == 0 ? "" : "  advised elsewhere " + b.advisedAway.get(),
                    b.reminders.get() == 0 ? "" : "  near-turn texts asked " + b.reminders.get(),
                    Totals.beforeTheyCame(List.of(b)));
        }
    }

    /**
     * The business types and their handling limits as the platform has them: the queue's catalogue,
     * whose limits are the service standard's. Waits for it while the platform is still starting
     * (the queue answers 503 until the standard has reached it).
     */
    private CustomerMix catalogue(Api api) throws InterruptedException {
        Api.Answer last = Api.Answer.FAILED;
        for (int attempt = 0; attempt < 120; attempt++) {
            last = api.get(config.queueUrl() + "/api/v1/business-types");
            if (last.ok()) {
                CustomerMix mix = CustomerMix.fromCatalogue(last.body());
                System.out.printf("simulator: %d business types from the catalogue%n", mix.businessTypes().size());
                return mix;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the queue's catalogue did not answer (last HTTP " + last.status() + ")");
    }

    /** Gives the branch a duty roster, so that its breaches page somebody (the launcher's phone stand-in). */
    private boolean putDutyRoster(Api api, String branchId, int n, boolean print) {
        Api.Answer a = api.put(config.slaUrl() + "/api/v1/branches/" + branchId + "/duty-roster", DemoRoster.of(branchId, n));
        if (!print) {
            return a.ok();
        }
        if (a.ok()) {
            System.out.printf("simulator: duty roster of %s at revision %s (duty managers 09:00-13:00 and 13:00-18:00, area and regional manager)%n",
                    branchId, a.body().path("revision").asText());
        } else {
            System.out.printf("simulator: could not put the duty roster of %s (HTTP %d): its breaches will page nobody%n", branchId, a.status());
        }
        return a.ok();
    }

    private void putNeighbours(Api api, String branchId, String neighbour, int travelMinutes) {
        Api.Answer a = api.put(config.queueUrl() + "/api/v1/branches/" + branchId + "/neighbours",
                Map.of("neighbours", List.of(Map.of("branchId", neighbour, "travelMinutes", travelMinutes))));
        if (!a.ok()) {
            System.out.printf("simulator: could not put the neighbours of %s (HTTP %d)%n", branchId, a.status());
        }
    }

    /**
     * A further branch created through the admin APIs, with {@code counters-per-branch} counters:
     * regular ones cycling through three skill sets, and a VIP counter (four: the demo's C01-C03, V01).
     */
    private String createBranch(Api api, int n, List<String> all) {
        String id = String.format("SIM-%03d", n);
        api.put(config.queueUrl() + "/api/v1/branches/" + id, Map.of("name", "模拟营业厅" + n, "timeZone", "Asia/Shanghai",
                "opensAt", "09:00", "closesAt", "18:00", "businessTypes", all));
        String counters = config.counterUrl() + "/api/v1/branches/" + id + "/counters/";
        List<List<String>> skills = List.of(List.of("PAYMENT", "GENERAL", "SIM"), List.of("PAYMENT", "GENERAL", "CONSULT"),
                List.of("NEW_LINE", "BROADBAND", "CLOSE_ACCOUNT", "COMPLAINT"));
        for (int c = 1; c < Math.max(2, config.countersPerBranch()); c++) {
            api.put(counters + String.format("C%02d", c), Map.of("label", c + "号台", "vip", false, "skills", skills.get((c - 1) % skills.size())));
        }
        api.put(counters + "V01", Map.of("label", "VIP台", "vip", true, "skills", all));
        return id;
    }
}
