package io.hallwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Customers of one branch who deal with it before they come (issue 25, items 5 and 6), through the operator's online
 * hall ({@code online-hall} token) and then the kiosk's check-in ({@code POST /branches/{b}/check-ins}):
 * <ul>
 * <li><b>Remote tickets</b>: a share of the kiosk's arrivals ({@code remote-ticket-share}) took their ticket online
 * {@link #LEAD_MIN}–{@link #LEAD_MAX} simulated minutes before they come: the ticket is taken when the arrival is drawn and
 * the customer checks in with its code that long after; {@code remote-no-check-in-share} never come (the queue cancels the
 * ticket after its hour).</li>
 * <li><b>Appointments</b>: BROADBAND and NEW_LINE get a plan (30-minute slots, one or two places) where the branch offers
 * them; every {@link #BOOKING_ROUND} simulated minutes about {@code appointments-per-hour} customers book a free slot
 * starting in the next {@link #BOOK_FROM}–{@link #BOOK_UNTIL}, and arrive around it ({@link #appointmentArrival}).</li>
 * </ul>
 * Refusals the platform is expected to give (slot full, too early, missed, expired) are counted; a call shed by the budget
 * or unanswered is tried again {@link #PRESS_AGAIN} later, up to {@link ClerkSim#PRESSES} times, like a clerk's press.
 */
final class AheadSim {
    static final List<String> APPOINTMENT_TYPES = List.of("BROADBAND", "NEW_LINE");
    static final int SLOT_MINUTES = 30;
    static final Duration LEAD_MIN = Duration.ofMinutes(5);
    static final Duration LEAD_MAX = Duration.ofMinutes(50);
    static final Duration BOOKING_ROUND = Duration.ofMinutes(20);
    static final Duration BOOK_FROM = Duration.ofMinutes(20);
    static final Duration BOOK_UNTIL = Duration.ofHours(3);
    /** Of the customers who come to their appointment, the share who come late (+11..+14 min: an ordinary ticket). */
    static final double LATE_SHARE = 0.1;
    private static final Duration PRESS_AGAIN = Duration.ofSeconds(10);
    private static final Duration TOO_EARLY_AGAIN = Duration.ofMinutes(3);

    final AtomicInteger remoteTaken = new AtomicInteger();
    final AtomicInteger remoteCheckedIn = new AtomicInteger();
    /** Remote tickets never checked in (the customer did not come), and check-ins refused as past the hour. */
    final AtomicInteger remoteExpired = new AtomicInteger();
    final AtomicInteger booked = new AtomicInteger();
    /** Bookings refused because the slot filled meanwhile or passed (409 slot-full, slot-passed). */
    final AtomicInteger slotsTaken = new AtomicInteger();
    /** Appointments checked in on time (a ticket of origin APPOINTMENT). */
    final AtomicInteger appointmentsCheckedIn = new AtomicInteger();
    /** Appointments checked in late (origin LATE_APPOINTMENT: an ordinary ticket). */
    final AtomicInteger appointmentsLate = new AtomicInteger();
    /** No-shows, and check-ins refused as too late (409 appointment-missed). */
    final AtomicInteger appointmentsMissed = new AtomicInteger();
    /** Check-ins refused as before the window (409 check-in-too-early): the customer tries again a little later. */
    final AtomicInteger tooEarly = new AtomicInteger();

    private final String queue;
    private final Api online;
    private final Api kiosk;
    private final SimulatorConfig config;
    private final SimClock clock;
    private final Random random;
    private final Steps steps;
    /** What the kiosk does with a ticket checked in (the near-turn text, say). */
    private final Consumer<Api.Answer> checkedIn;
    private volatile List<String> planned = List.of();

    AheadSim(String branchId, Api online, Api kiosk, SimulatorConfig config, SimClock clock, Random random, Steps steps,
             Consumer<Api.Answer> checkedIn) {
        this.queue = config.queueUrl() + "/api/v1/branches/" + branchId;
        this.online = online;
        this.kiosk = kiosk;
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.steps = steps;
        this.checkedIn = checkedIn;
    }

    /**
     * Set-up (blocking, as admin): an appointment plan for each of {@link #APPOINTMENT_TYPES} the catalogue has, 30-minute
     * slots with one or two places; a type the branch does not offer answers 422 and takes no appointments here.
     */
    List<String> putPlans(Api admin, List<String> catalogue) {
        List<String> ok = new ArrayList<>();
        for (String type : APPOINTMENT_TYPES) {
            if (catalogue.contains(type)
                    && admin.put(queue + "/appointment-plans/" + type, Map.of("slotMinutes", SLOT_MINUTES, "capacity", 1 + random.nextInt(2))).ok()) {
                ok.add(type);
            }
        }
        planned = List.copyOf(ok);
        return planned;
    }

    /** Starts the booking rounds (a first one soon, then every {@link #BOOKING_ROUND}); nothing where no plan was put. */
    void start() {
        if (!planned.isEmpty() && config.appointmentsPerHour() > 0) {
            after(Duration.ofMinutes(random.nextInt(5)), this::bookingRound);
        }
    }

    /** Whether a customer the kiosk is about to serve took a ticket online before coming, at {@code remote-ticket-share}. */
    boolean tookRemoteTicket() {
        return random.nextDouble() < config.remoteTicketShare();
    }

    /**
     * The customer took the ticket online before coming: taken now, checked in {@link #remoteLead} later with its code
     * (or, at {@code remote-no-check-in-share}, never).
     */
    void remoteTicket(String businessType, String tier) {
        call(() -> online.postAsync(queue + "/remote-tickets", Map.of("businessType", businessType, "tier", tier)), taken -> {
            if (!taken.ok()) {
                return; // refused (closed, say) or never answered: this customer just does not come
            }
            remoteTaken.incrementAndGet();
            String code = taken.body().path("checkInCode").asText("");
            if (code.isEmpty() || random.nextDouble() < config.remoteNoCheckInShare()) {
                remoteExpired.incrementAndGet();
                return;
            }
            after(remoteLead(random), () -> checkIn(code, 0));
        });
    }

    /** How long before coming a remote ticket was taken: 5 to 50 simulated minutes. */
    static Duration remoteLead(Random random) {
        long spread = LEAD_MAX.minus(LEAD_MIN).toSeconds();
        return LEAD_MIN.plusSeconds((long) (random.nextDouble() * spread));
    }

    /**
     * When a customer with an appointment checks in, relative to the slot's start: empty for a no-show (at
     * {@code appointment-no-show-share}); of those who come, {@link #LATE_SHARE} at +11..+14 min (late), the rest
     * −14..+8 min (on time; the window is −15..+10).
     */
    static Optional<Duration> appointmentArrival(Random random, double noShowShare) {
        if (random.nextDouble() < noShowShare) {
            return Optional.empty();
        }
        if (random.nextDouble() < LATE_SHARE) {
            return Optional.of(Duration.ofSeconds(11 * 60 + random.nextInt(3 * 60)));
        }
        return Optional.of(Duration.ofSeconds(-14 * 60 + random.nextInt(22 * 60)));
    }

    /** About {@code appointments-per-hour} × the round's length bookings (Poisson), each for a free slot in the next hours. */
    private void bookingRound() {
        try {
            double expected = config.appointmentsPerHour() * BOOKING_ROUND.toMinutes() / 60.0;
            int bookings = ArrivalProfile.poisson(expected, random);
            for (int i = 0; i < bookings; i++) {
                String type = planned.get(random.nextInt(planned.size()));
                call(() -> online.getAsync(queue + "/appointment-slots?businessType=" + type), slots -> book(type, slots));
            }
        } finally {
            after(BOOKING_ROUND, this::bookingRound);
        }
    }

    private void book(String type, Api.Answer slots) {
        if (!slots.ok()) {
            return;
        }
        Instant now = clock.now();
        List<Instant> free = new ArrayList<>();
        for (JsonNode slot : slots.body()) {
            Instant start = parse(slot.path("start").asText(""));
            if (start != null && slot.path("free").asInt() > 0
                    && !start.isBefore(now.plus(BOOK_FROM)) && !start.isAfter(now.plus(BOOK_UNTIL))) {
                free.add(start);
            }
        }
        if (free.isEmpty()) {
            return; // the day's slots are full or over
        }
        Instant slot = free.get(random.nextInt(free.size()));
        call(() -> online.postAsync(queue + "/appointments", Map.of("businessType", type, "slotStart", slot.toString())), answer -> {
            if (answer.ok()) {
                booked.incrementAndGet();
                String code = answer.body().path("checkInCode").asText("");
                Optional<Duration> arrival = appointmentArrival(random, config.appointmentNoShowShare());
                if (arrival.isEmpty() || code.isEmpty()) {
                    appointmentsMissed.incrementAndGet(); // a no-show: the queue frees the place 15 minutes after the start
                    return;
                }
                Duration wait = Duration.between(clock.now(), slot.plus(arrival.get()));
                after(wait.isNegative() ? Duration.ZERO : wait, () -> checkIn(code, 0));
            } else if (answer.status() == 409) {
                slotsTaken.incrementAndGet(); // slot-full, slot-passed: somebody was quicker, or the simulator late
            }
        });
    }

    /** At the kiosk: the code of a remote ticket or an appointment; the answer's origin says which. */
    private void checkIn(String code, int tooEarlyBefore) {
        call(() -> kiosk.postAsync(queue + "/check-ins", Map.of("code", code)), answer -> {
            if (answer.ok()) {
                switch (answer.body().path("origin").asText("")) {
                    case "REMOTE" -> remoteCheckedIn.incrementAndGet();
                    case "APPOINTMENT" -> appointmentsCheckedIn.incrementAndGet();
                    case "LATE_APPOINTMENT" -> appointmentsLate.incrementAndGet();
                    default -> {
                    }
                }
                checkedIn.accept(answer);
                return;
            }
            String problem = answer.body().path("type").asText("");
            if (problem.endsWith("remote-ticket-expired")) {
                remoteExpired.incrementAndGet();
            } else if (problem.endsWith("appointment-missed")) {
                appointmentsMissed.incrementAndGet();
            } else if (problem.endsWith("check-in-too-early")) {
                tooEarly.incrementAndGet();
                if (tooEarlyBefore < 3) {
                    after(TOO_EARLY_AGAIN, () -> checkIn(code, tooEarlyBefore + 1));
                }
            }
        });
    }

    /** One call, sent again {@link #PRESS_AGAIN} later while it is shed or unanswered, up to {@link ClerkSim#PRESSES} times. */
    private void call(java.util.function.Supplier<CompletableFuture<Api.Answer>> send, Consumer<Api.Answer> next) {
        call(send, next, 1);
    }

    private void call(java.util.function.Supplier<CompletableFuture<Api.Answer>> send, Consumer<Api.Answer> next, int attempt) {
        send.get().thenAccept(answer -> {
            boolean unanswered = answer.shed() || answer.status() == 0 || answer.status() >= 500;
            if (unanswered && attempt < ClerkSim.PRESSES) {
                after(PRESS_AGAIN, () -> call(send, next, attempt + 1));
            } else {
                next.accept(answer);
            }
        }).exceptionally(e -> null); // a step that threw: this customer is lost, the simulation goes on
    }

    private void after(Duration simulated, Runnable step) {
        steps.after(simulated, step, () -> {
        });
    }

    private static Instant parse(String instant) {
        try {
            return Instant.parse(instant);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
