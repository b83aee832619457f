package io.hallwatch.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A clerk at one counter, working through the counter API: call the next customer, wait for them
 * to walk up (or not: a no-show after two recalls), serve them for a time drawn around the type's
 * limit (reading the offer on the counter screen and recording the customer's answer to it), finish,
 * and now and then step away for a break. At small shares (issue 25) a call serves a walk-in instead, or calls a
 * chosen waiting ticket ahead of its turn (the newest of a type, for an elderly customer, say), and a service is
 * parked back into the queue part-way (the customer fetches a document; mostly to the front). Each step starts one asynchronous call
 * (within the clerks' {@link CallBudget}) and schedules the next step when the answer is in, so a
 * clerk never holds a thread while the platform answers; one clerk's steps still follow each
 * other, so its random draws come in the same order as when the calls blocked.
 */
final class ClerkSim {
    private static final Duration RETRY = Duration.ofSeconds(30);
    private static final Duration PRESS_AGAIN = Duration.ofSeconds(10);
    static final int PRESSES = 5;
    /** Simulated seconds after the start of service when the clerk reads the offer on the screen: 10 to 19. */
    static final int SCREEN_LOOK_MIN = 10;
    static final int SCREEN_LOOK_SPREAD = 10;

    final String branchId;
    final String counterId;
    final AtomicInteger served = new AtomicInteger();
    /** Walk-ins served, chosen tickets called, services parked: the visits of issue 25. */
    final AtomicInteger walkIns = new AtomicInteger();
    final AtomicInteger chosenCalls = new AtomicInteger();
    final AtomicInteger parks = new AtomicInteger();
    private volatile java.util.List<String> skills = java.util.List.of();
    /** Offer outcomes this clerk recorded, by result. */
    final java.util.concurrent.ConcurrentMap<String, Integer> offers = new java.util.concurrent.ConcurrentHashMap<>();
    private final String clerkId;
    private final String base;
    /** The counter's screen at the marketing service, or null where the simulator has no marketing service to ask. */
    private final String screen;
    private final String outcomeBase;
    private final Api api;
    private final SimulatorConfig config;
    private final Random random;
    private final Steps steps;
    private final IdleBackoff idle;
    private final CustomerMix mix;

    ClerkSim(String branchId, String counterId, Api api, SimulatorConfig config, Random random, Steps steps, CustomerMix mix) {
        this.branchId = branchId;
        this.counterId = counterId;
        this.clerkId = "clerk-" + branchId.toLowerCase() + "-" + counterId.toLowerCase();
        this.base = config.counterUrl() + "/api/v1/branches/" + branchId + "/counters/" + counterId;
        this.outcomeBase = config.marketingUrl().orElse(null);
        this.screen = outcomeBase == null ? null : outcomeBase + "/api/v1/branches/" + branchId + "/counters/" + counterId + "/recommendation";
        this.api = api;
        this.config = config;
        this.random = random;
        this.steps = steps;
        this.idle = new IdleBackoff(RETRY, config.clerkIdleRecheckMax());
        this.mix = mix;
    }

    /** Brings the counter to OPEN with this clerk, whatever an earlier run left (blocking: set-up), then starts working. */
    void start() {
        Api.Answer counter = api.get(base);
        String status = counter.body().path("status").asText("CLOSED");
        java.util.List<String> serves = new java.util.ArrayList<>();
        counter.body().path("skills").forEach(t -> serves.add(t.asText()));
        skills = java.util.List.copyOf(serves);
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
        double visit = random.nextDouble();
        if (visit < config.walkInShare() && !skills.isEmpty()) {
            walkIn();
        } else if (visit < config.walkInShare() + config.outOfOrderShare() && !skills.isEmpty()) {
            callChosen();
        } else {
            callInOrder();
        }
    }

    /** A customer without a ticket at the counter: the queue makes one, called here at once; served as usual. */
    private void walkIn() {
        String type = skills.get(random.nextInt(skills.size()));
        then(api.postAsync(base + "/walk-in", Map.of("businessType", type)), called -> {
            if (called.status() == 200) {
                walkIns.incrementAndGet();
                after(Duration.ofSeconds(5 + random.nextInt(10)), () -> serve(type));
            } else {
                callInOrder();
            }
        });
    }

    /** The newest waiting ticket of a type this counter serves, called ahead of its turn with a reason. */
    private void callChosen() {
        then(api.getAsync(config.queueUrl() + "/api/v1/branches/" + branchId + "/queue"), queue -> {
            com.fasterxml.jackson.databind.JsonNode chosen = null;
            for (com.fasterxml.jackson.databind.JsonNode type : queue.body().path("businessTypes")) {
                com.fasterxml.jackson.databind.JsonNode tickets = type.path("tickets");
                if (skills.contains(type.path("businessType").asText()) && tickets.size() >= 2) {
                    chosen = tickets.get(tickets.size() - 1);
                    break;
                }
            }
            if (chosen == null) {
                callInOrder();
                return;
            }
            double r = random.nextDouble();
            String reason = r < 0.5 ? "ELDERLY" : r < 0.7 ? "DISABLED" : r < 0.85 ? "PREGNANT" : "SUPERVISOR";
            then(api.postAsync(base + "/call-ticket", Map.of("ticketId", chosen.path("ticketId").asText(), "reason", reason)),
                    called -> {
                        if (called.status() == 200) {
                            chosenCalls.incrementAndGet();
                            String type = called.body().path("customer").path("businessType").asText("GENERAL");
                            after(Duration.ofSeconds(15 + random.nextInt(30)), () -> serve(type));
                        } else {
                            // Called by another counter meanwhile, say: the ordinary call then.
                            callInOrder();
                        }
                    });
        });
    }

    private void callInOrder() {
        then(api.postAsync(base + "/call-next", null), called -> {
            if (called.status() == 200) {
                idle.called();
                String type = called.body().path("customer").path("businessType").asText("GENERAL");
                if (random.nextDouble() < config.noShowShare()) {
                    after(Duration.ofSeconds(45), () -> press("/recall", null,
                            recalled -> after(Duration.ofSeconds(45), () -> press("/no-show", null,
                                    gone -> after(Duration.ofSeconds(10), this::callNext)))));
                } else {
                    after(Duration.ofSeconds(15 + random.nextInt(45)), () -> serve(type));
                }
            } else {
                // Nobody waits (204), the platform is busy or away, or the clerks' budget had no room: look again later.
                after(idle.empty(), this::callNext);
            }
        });
    }

    private void serve(String businessType) {
        press("/service/start", null, started -> {
            if (!started.ok()) {
                after(RETRY, this::callNext);
                return;
            }
            Duration handling = mix.handlingTime(businessType, random);
            if (random.nextDouble() < config.parkShare()) {
                // Part-way, the customer must fetch a document: back to the queue, mostly to the front.
                double p = random.nextDouble();
                String position = p < 0.6 ? "FRONT" : p < 0.85 ? "BACK" : "ORIGINAL";
                after(handling.dividedBy(2), () -> press("/park", Map.of("position", position), parked -> {
                    if (parked.ok()) {
                        parks.incrementAndGet();
                    }
                    after(Duration.ofSeconds(5 + random.nextInt(20)), this::callNext);
                }));
                return;
            }
            // The screen's advice is there a moment after the start (marketing learns of it from the event).
            Duration look = Duration.ofSeconds(SCREEN_LOOK_MIN + random.nextInt(SCREEN_LOOK_SPREAD));
            Duration lookAfter = look.compareTo(handling) < 0 ? look : handling;
            after(lookAfter, () -> offerAtCounter(() -> after(handling.minus(lookAfter), () -> {
                String outcome = random.nextDouble() < 0.92 ? "COMPLETED" : random.nextBoolean() ? "REFERRED" : "UNRESOLVED";
                press("/service/finish", Map.of("outcome", outcome), finished -> {
                    if (finished.ok()) {
                        served.incrementAndGet();
                    }
                    after(Duration.ofSeconds(5 + random.nextInt(20)), this::callNext);
                });
            })));
        });
    }

    /**
     * The clerk reads the counter screen (marketing's recommendation for the customer being served) and, where it
     * shows an offer, records how the customer took it ({@link OfferOutcomes}) through the outcome API, as the
     * counter terminal's buttons do; then goes on serving. A screen with no offer (none fits, recovery first, no
     * answer) is just served.
     */
    private void offerAtCounter(Runnable next) {
        if (screen == null) {
            next.run();
            return;
        }
        then(api.getAsync(screen), answer -> {
            String offerId = answer.status() == 200 ? answer.body().path("offer").path("offerId").asText("") : "";
            if (offerId.isEmpty()) {
                next.run();
                return;
            }
            String result = OfferOutcomes.draw(answer.body().path("offer").path("pitch").path("form").asText(""), random);
            then(api.postAsync(outcomeBase + "/api/v1/offers/" + offerId + "/outcome", Map.of("result", result)), recorded -> {
                if (recorded.status() == 201) {
                    offers.merge(result, 1, Integer::sum);
                }
                next.run();
            });
        });
    }

    private void takeBreak() {
        String reason = random.nextDouble() < 0.8 ? "BREAK" : "TRAINING";
        press("/pause", Map.of("reason", reason), paused -> {
            // Most pauses are brief; one in five runs past the 10-minute limit.
            Duration length = Duration.ofMinutes(random.nextDouble() < 0.8 ? 3 + random.nextInt(5) : 11 + random.nextInt(6));
            after(length, () -> press("/resume", null, resumed -> callNext()));
        });
    }

    /**
     * A button that changes the counter's state (start, finish, recall, no-show, pause, resume):
     * when the press was shed by the budget or got no answer (or a 5xx), the clerk presses again
     * a little later, up to {@link #PRESSES} times, instead of leaving the counter stuck in
     * service; an unanswered call-next, by contrast, is just an empty queue for now.
     */
    private void press(String path, Object body, Consumer<Api.Answer> next) {
        press(path, body, next, 1);
    }

    private void press(String path, Object body, Consumer<Api.Answer> next, int attempt) {
        then(api.postAsync(base + path, body), answer -> {
            boolean unanswered = answer.shed() || answer.status() == 0 || answer.status() >= 500;
            if (unanswered && attempt < PRESSES) {
                after(PRESS_AGAIN, () -> press(path, body, next, attempt + 1));
            } else {
                next.accept(answer);
            }
        });
    }

    /** The clerk's next step when the answer is in; if that step fails, the clerk starts over with call-next. */
    private void then(CompletableFuture<Api.Answer> answer, Consumer<Api.Answer> next) {
        answer.thenAccept(next).exceptionally(e -> {
            after(RETRY, this::callNext);
            return null;
        });
    }

    private void after(Duration simulated, Runnable step) {
        steps.after(simulated, step, () -> after(RETRY, this::callNext));
    }
}
