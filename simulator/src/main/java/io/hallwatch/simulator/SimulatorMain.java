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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs simulated branches against the platform's REST API only, as kiosks and counter terminals
 * would, on the platform's scaled clock, and prints one line per branch: waiting, issued, served,
 * open breaches.
 */
@QuarkusMain
public class SimulatorMain implements QuarkusApplication {
    private static final List<String> DEMO_BRANCHES = List.of("GZ-TH-001", "SZ-FT-002");
    private static final Duration TICK = Duration.ofMillis(250);

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
        Api anonymous = new Api();
        Api api = anonymous.as(tokens.admin());
        Random random = new Random(config.seed());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);

        List<String> branchIds = new ArrayList<>(DEMO_BRANCHES);
        for (int i = 1; i <= config.extraBranches(); i++) {
            branchIds.add(createBranch(api, i));
        }
        for (int i = 0; i < branchIds.size(); i++) {
            putDutyRoster(api, branchIds.get(i), i + 1);
        }
        List<BranchSim> branches = new ArrayList<>();
        for (String branchId : branchIds) {
            List<ClerkSim> clerks = new ArrayList<>();
            for (var counter : api.get(config.counterUrl() + "/api/v1/branches/" + branchId + "/counters").body()) {
                ClerkSim clerk = new ClerkSim(branchId, counter.path("counterId").asText(), anonymous.as(tokens.clerk(branchId)), config, clock,
                        new Random(random.nextLong()), scheduler);
                clerks.add(clerk);
                clerk.start();
            }
            branches.add(new BranchSim(branchId, clerks, anonymous.as(tokens.floor(branchId)), config, clock,
                    new Random(random.nextLong())));
        }
        System.out.printf("simulator: %d branches, %.0fx clock, simulated time %s%n", branches.size(), scale,
                clock.now().atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime());

        Duration simulatedTick = Duration.ofMillis(Math.round(TICK.toMillis() * scale));
        scheduler.scheduleAtFixedRate(() -> branches.forEach(b -> b.tick(simulatedTick)), 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        List<DutyManagerSim> managers = branches.stream()
                .map(b -> new DutyManagerSim(b.branchId, anonymous.as(tokens.floor(b.branchId)), config, clock,
                        new Random(random.nextLong()))).toList();
        scheduler.scheduleWithFixedDelay(() -> managers.forEach(DutyManagerSim::tick), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(() -> summary(clock, branches), config.summaryInterval().toMillis(),
                config.summaryInterval().toMillis(), TimeUnit.MILLISECONDS);
        Quarkus.waitForExit();
        scheduler.shutdownNow();
        return 0;
    }

    private void summary(SimClock clock, List<BranchSim> branches) {
        String time = clock.now().atZone(ZoneId.of("Asia/Shanghai")).toLocalTime().withNano(0).toString();
        for (BranchSim b : branches) {
            System.out.printf("[%s] %-10s waiting %3d  issued %4d  served %4d  open breaches %s%n",
                    time, b.branchId, b.waiting(), b.issued.get(), b.served(), b.breaches());
        }
    }

    /** Gives the branch a duty roster, so that its breaches page somebody (the launcher's phone stand-in). */
    private void putDutyRoster(Api api, String branchId, int n) {
        Api.Answer a = api.put(config.slaUrl() + "/api/v1/branches/" + branchId + "/duty-roster", DemoRoster.of(branchId, n));
        if (a.ok()) {
            System.out.printf("simulator: duty roster of %s at revision %s (duty managers 09:00-13:00 and 13:00-18:00, area and regional manager)%n",
                    branchId, a.body().path("revision").asText());
        } else {
            System.out.printf("simulator: could not put the duty roster of %s (HTTP %d): its breaches will page nobody%n", branchId, a.status());
        }
    }

    /** A further branch with four counters, created through the admin APIs. */
    private String createBranch(Api api, int n) {
        String id = String.format("SIM-%03d", n);
        List<String> all = List.of("PAYMENT", "GENERAL", "NEW_LINE", "BROADBAND", "SIM", "CLOSE_ACCOUNT", "COMPLAINT", "CONSULT");
        api.put(config.queueUrl() + "/api/v1/branches/" + id, Map.of("name", "模拟营业厅" + n, "timeZone", "Asia/Shanghai",
                "opensAt", "09:00", "closesAt", "18:00", "businessTypes", all));
        String counters = config.counterUrl() + "/api/v1/branches/" + id + "/counters/";
        api.put(counters + "C01", Map.of("label", "1号台", "vip", false, "skills", List.of("PAYMENT", "GENERAL", "SIM")));
        api.put(counters + "C02", Map.of("label", "2号台", "vip", false, "skills", List.of("PAYMENT", "GENERAL", "CONSULT")));
        api.put(counters + "C03", Map.of("label", "3号台", "vip", false,
                "skills", List.of("NEW_LINE", "BROADBAND", "CLOSE_ACCOUNT", "COMPLAINT")));
        api.put(counters + "V01", Map.of("label", "VIP台", "vip", true, "skills", all));
        return id;
    }
}
