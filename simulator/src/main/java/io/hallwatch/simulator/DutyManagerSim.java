package io.hallwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The duty manager of one branch, on the phone: most alerts are acknowledged a few minutes after
 * they went out (through POST /api/v1/alerts/{id}/ack, as the one-click link would), some are
 * missed and escalate to the area manager, who then acknowledges them.
 */
final class DutyManagerSim {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Within the monitor's default escalate-after (5 min), so an acknowledged alert does not escalate. */
    static final Duration FASTEST = Duration.ofMinutes(1);
    static final Duration SLOWEST = Duration.ofMinutes(4);

    final String branchId;
    final AtomicInteger acknowledged = new AtomicInteger();
    private final String tag;
    private final Api api;
    private final SimulatorConfig config;
    private final SimClock clock;
    private final Random random;
    /** Alert id → when it will be acknowledged (empty: missed by the duty manager, the area manager's turn). */
    private final Map<String, Optional<Instant>> plans = new ConcurrentHashMap<>();
    private final AtomicBoolean looking = new AtomicBoolean();

    DutyManagerSim(String branchId, Api api, SimulatorConfig config, SimClock clock, Random random) {
        this.branchId = branchId;
        this.tag = DemoRoster.tag(branchId);
        this.api = api;
        this.config = config;
        this.clock = clock;
        this.random = random;
    }

    /**
     * When a duty manager acknowledges an alert created at {@code createdAt}: with probability
     * {@code share} between {@link #FASTEST} and {@link #SLOWEST} later, otherwise never.
     */
    static Optional<Instant> ackAt(Instant createdAt, double share, Random random) {
        if (random.nextDouble() >= share) {
            return Optional.empty();
        }
        long spread = SLOWEST.minus(FASTEST).toSeconds();
        return Optional.of(createdAt.plus(FASTEST).plusSeconds((long) (random.nextDouble() * spread)));
    }

    /**
     * Looks at the branch's open alerts and acknowledges those whose time has come. Asynchronous;
     * a look that is still waiting for its answers when the next one is due is not doubled (the
     * duty manager is still on the previous page), so a slow platform gets fewer looks, not a pile.
     */
    void tick() {
        if (!looking.compareAndSet(false, true)) {
            return;
        }
        try {
            api.getAsync(config.slaUrl() + "/api/v1/alerts?branchId=" + branchId + "&status=OPEN")
                    .thenCompose(this::acknowledgeDue)
                    .whenComplete((done, e) -> looking.set(false));
        } catch (RuntimeException e) {
            looking.set(false);
        }
    }

    private CompletableFuture<Void> acknowledgeDue(Api.Answer open) {
        if (!open.ok()) {
            return CompletableFuture.completedFuture(null);
        }
        Instant now = clock.now();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (JsonNode a : open.body()) {
            String id = a.path("alertId").asText();
            int level = a.path("level").asInt(1);
            Instant levelAt = Instant.parse(a.path("levelAt").asText());
            Optional<Instant> plan = plans.computeIfAbsent(id, x -> level == 1 ? ackAt(levelAt, config.ackShare(), random)
                    : Optional.of(levelAt.plus(FASTEST)));
            if (plan.isEmpty() && level > 1) {
                plan = Optional.of(levelAt.plus(FASTEST)); // missed by the duty manager: the area manager takes it
                plans.put(id, plan);
            }
            if (plan.isPresent() && !now.isBefore(plan.get())) {
                String by = level == 1 ? DemoRoster.onDuty(tag, now.atZone(ZONE).toLocalTime()) : "area-" + tag;
                plans.remove(id);
                acks.add(api.postAsync(config.slaUrl() + "/api/v1/alerts/" + id + "/ack", Map.of("by", by)).thenAccept(answer -> {
                    if (answer.ok()) {
                        acknowledged.incrementAndGet();
                    }
                }));
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }
}
