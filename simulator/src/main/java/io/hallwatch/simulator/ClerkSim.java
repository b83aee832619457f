package io.hallwatch.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clerk at one counter, working through the counter API: call the next customer, wait for them
 * to walk up (or not: a no-show after two recalls), serve them for a time drawn around the type's
 * limit, finish, and now and then step away for a break.
 */
final class ClerkSim {
    final String branchId;
    final String counterId;
    final AtomicInteger served = new AtomicInteger();
    private final String clerkId;
    private final String base;
    private final Api api;
    private final SimulatorConfig config;
    private final SimClock clock;
    private final Random random;
    private final ScheduledExecutorService scheduler;
    private final Lateness lateness;

    ClerkSim(String branchId, String counterId, Api api, SimulatorConfig config, SimClock clock, Random random,
             ScheduledExecutorService scheduler, Lateness lateness) {
        this.branchId = branchId;
        this.counterId = counterId;
        this.clerkId = "clerk-" + branchId.toLowerCase() + "-" + counterId.toLowerCase();
        this.base = config.counterUrl() + "/api/v1/branches/" + branchId + "/counters/" + counterId;
        this.api = api;
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.scheduler = scheduler;
        this.lateness = lateness;
    }

    /** Brings the counter to OPEN with this clerk, whatever an earlier run left, then starts working. */
    void start() {
        Api.Answer counter = api.get(base);
        String status = counter.body().path("status").asText("CLOSED");
        if (counter.body().path("customer").has("startedAt")) {
            api.post(base + "/service/finish", Map.of("outcome", "COMPLETED"));
        } else if (counter.body().path("customer").has("ticketId")) {
            api.post(base + "/no-show", null);
        } else if (status.equals("PAUSED")) {
            api.post(base + "/resume", null);
        }
        String clerk = api.get(base).body().path("clerkId").asText("");
        if (!clerk.equals(clerkId)) {
            api.post(base + "/sign-out", null);
            api.post(base + "/sign-in", Map.of("clerkId", clerkId));
        }
        after(Duration.ofSeconds(random.nextInt(60)), this::callNext);
    }

    private void callNext() {
        if (random.nextDouble() < 0.03) {
            takeBreak();
            return;
        }
        Api.Answer called = api.post(base + "/call-next", null);
        if (called.status() == 200) {
            String type = called.body().path("customer").path("businessType").asText("GENERAL");
            if (random.nextDouble() < config.noShowShare()) {
                after(Duration.ofSeconds(45), () -> {
                    api.post(base + "/recall", null);
                    after(Duration.ofSeconds(45), () -> {
                        api.post(base + "/no-show", null);
                        after(Duration.ofSeconds(10), this::callNext);
                    });
                });
            } else {
                after(Duration.ofSeconds(15 + random.nextInt(45)), () -> serve(type));
            }
        } else {
            // Nobody waits (204), or the platform is busy or away: look again shortly.
            after(Duration.ofSeconds(30), this::callNext);
        }
    }

    private void serve(String businessType) {
        if (!api.post(base + "/service/start", null).ok()) {
            after(Duration.ofSeconds(30), this::callNext);
            return;
        }
        after(CustomerMix.handlingTime(businessType, random), () -> {
            String outcome = random.nextDouble() < 0.92 ? "COMPLETED" : random.nextBoolean() ? "REFERRED" : "UNRESOLVED";
            if (api.post(base + "/service/finish", Map.of("outcome", outcome)).ok()) {
                served.incrementAndGet();
            }
            after(Duration.ofSeconds(5 + random.nextInt(20)), this::callNext);
        });
    }

    private void takeBreak() {
        String reason = random.nextDouble() < 0.8 ? "BREAK" : "TRAINING";
        api.post(base + "/pause", Map.of("reason", reason));
        // Most pauses are brief; one in five runs past the 10-minute limit.
        Duration length = Duration.ofMinutes(random.nextDouble() < 0.8 ? 3 + random.nextInt(5) : 11 + random.nextInt(6));
        after(length, () -> {
            api.post(base + "/resume", null);
            callNext();
        });
    }

    private void after(Duration simulated, Runnable step) {
        long delay = clock.realMillis(simulated);
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        scheduler.schedule(() -> {
            lateness.record(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - due));
            try {
                step.run();
            } catch (RuntimeException e) {
                after(Duration.ofSeconds(30), this::callNext);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }
}
