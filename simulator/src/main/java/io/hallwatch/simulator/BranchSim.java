package io.hallwatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kiosk of one branch: customers arrive by the day's profile and take tickets. A tick only
 * draws the arrivals and starts their calls; it never waits for an answer.
 */
final class BranchSim {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final String branchId;
    final List<ClerkSim> clerks;
    final AtomicInteger issued = new AtomicInteger();
    /** Customers who took the kiosk's advice and cancelled their ticket for a nearby branch. */
    final AtomicInteger advisedAway = new AtomicInteger();
    /** Customers who left a number for the "your turn is near" text, and whose number the monitor took. */
    final AtomicInteger reminders = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    /** Customers whose ticket was never asked for: the kiosks' budget had no room in time. */
    final AtomicInteger shed = new AtomicInteger();
    private final Api api;
    private final SimulatorConfig config;
    private final SimClock clock;
    private final Random random;
    private final Lateness lateness;
    private final CustomerMix mix;
    /** Its customers who take a ticket online or book an appointment before they come; set once before the first tick. */
    volatile AheadSim ahead;
    private Instant lastTick;
    /** When the next tick is due (a period after the last one ended), to tell how late it runs. */
    private long nextTickNanos;

    BranchSim(String branchId, List<ClerkSim> clerks, Api api, SimulatorConfig config, SimClock clock, Random random,
              Lateness lateness, CustomerMix mix) {
        this.branchId = branchId;
        this.clerks = clerks;
        this.api = api;
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.lateness = lateness;
        this.mix = mix;
    }

    /**
     * Issues the tickets of customers who arrived since the last tick, run {@code period} (real)
     * after the last one ended: the arrivals are drawn for the simulated time that really passed,
     * so a tick that runs late issues its customers late rather than losing them, and late ticks
     * do not pile up in front of the clerks' steps.
     */
    synchronized void tick(Duration period) {
        try {
            issueArrivals();
        } finally {
            nextTickNanos = System.nanoTime() + period.toNanos();
        }
    }

    private void issueArrivals() {
        Instant now = clock.now();
        long nanos = System.nanoTime();
        if (lastTick == null) {
            lastTick = now;
            return;
        }
        lateness.record(Duration.ofNanos(nanos - nextTickNanos).toMillis());
        double seconds = Duration.between(lastTick, now).toMillis() / 1000.0;
        lastTick = now;
        int hour = now.atZone(ZONE).getHour();
        int arrivals = ArrivalProfile.poisson(ArrivalProfile.expected(config.baseArrivalsPerHour(), hour, seconds), random);
        for (int i = 0; i < arrivals; i++) {
            String type = mix.businessType(random);
            String tier = random.nextDouble() < config.vipShare() ? "VIP" : "NORMAL";
            AheadSim online = ahead;
            if (online != null && online.tookRemoteTicket()) {
                // Took the ticket online a while before coming: taken now, checked in at the kiosk later (checkedIn).
                online.remoteTicket(type, tier);
                continue;
            }
            // Not waited for: a tick that runs late sends its gap's customers at once, and the
            // kiosks' budget, not this thread, decides how many go out and which are shed.
            api.postAsync(config.queueUrl() + "/api/v1/branches/" + branchId + "/tickets", Map.of("businessType", type, "tier", tier))
                    .thenAccept(this::count);
        }
    }

    private void count(Api.Answer answer) {
        if (answer.ok()) {
            issued.incrementAndGet();
            if (!takeAdvice(answer)) {
                askTurnNotice(answer);
            }
        } else if (answer.shed()) {
            shed.incrementAndGet();
        } else {
            refused.incrementAndGet();
        }
    }

    /** A remote ticket checked in at the kiosk joins the queue now: issued, and its customer may ask for the near-turn text. */
    void checkedIn(Api.Answer ticket) {
        if ("REMOTE".equals(ticket.body().path("origin").asText())) {
            issued.incrementAndGet();
        }
        askTurnNotice(ticket);
    }

    /**
     * A customer told the wait will pass the limit, with a nearby branch that is sooner, gives up the
     * ticket at {@code advice-taken-share} (and goes there: the other hall's customers are its own).
     */
    private boolean takeAdvice(Api.Answer issuedTicket) {
        var nearby = issuedTicket.body().path("predictedBreach").path("nearbyBranches");
        if (nearby.isArray() && !nearby.isEmpty() && random.nextDouble() < config.adviceTakenShare()) {
            advisedAway.incrementAndGet();
            api.postAsync(config.queueUrl() + "/api/v1/tickets/" + issuedTicket.body().path("ticketId").asText() + "/cancel",
                    Map.of("reason", "went to " + nearby.get(0).path("branchId").asText() + " as the kiosk advised"));
            return true;
        }
        return false;
    }

    /**
     * A customer with more than three ahead (the branches' default) asks for the "your turn is near" text at
     * {@code turn-notice-share}, as the kiosk does it: the consent at the queue, then the number at the monitor, asked
     * again while the monitor has not seen the new ticket yet (404). The numbers are made up (1390000xxxx).
     */
    private void askTurnNotice(Api.Answer issuedTicket) {
        if (issuedTicket.body().path("peopleAhead").asInt() <= 3 || random.nextDouble() >= config.turnNoticeShare()) {
            return;
        }
        String ticketId = issuedTicket.body().path("ticketId").asText();
        String phone = String.format("1390000%04d", random.nextInt(10_000));
        api.postAsync(config.queueUrl() + "/api/v1/tickets/" + ticketId + "/turn-notice", Map.of()).thenAccept(consent -> {
            if (consent.ok()) {
                giveNumber(ticketId, phone, 0);
            }
        });
    }

    private void giveNumber(String ticketId, String phone, int attempt) {
        CompletableFuture.delayedExecutor(attempt == 0 ? 200 : 1000, TimeUnit.MILLISECONDS).execute(() ->
                api.putAsync(config.slaUrl() + "/api/v1/tickets/" + ticketId + "/turn-notice-contact",
                        Map.of("branchId", branchId, "phone", phone)).thenAccept(answer -> {
                            if (answer.ok()) {
                                reminders.incrementAndGet();
                            } else if (answer.status() == 404 && attempt < 5) {
                                giveNumber(ticketId, phone, attempt + 1);
                            }
                        }));
    }

    int served() {
        return clerks.stream().mapToInt(c -> c.served.get()).sum();
    }

    int waiting() {
        Api.Answer queue = api.get(config.queueUrl() + "/api/v1/branches/" + branchId + "/queue");
        return queue.ok() ? queue.body().path("waiting").asInt() : -1;
    }

    String breaches() {
        Api.Answer status = api.get(config.slaUrl() + "/api/v1/branches/" + branchId + "/sla-status");
        if (!status.ok()) {
            return "-";
        }
        var open = status.body().path("openBreaches");
        return open.isMissingNode() ? "-" : open.isNumber() ? open.asText() : Integer.toString(open.size());
    }
}
