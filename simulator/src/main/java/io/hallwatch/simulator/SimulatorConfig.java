package io.hallwatch.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hallwatch.simulator")
public interface SimulatorConfig {
    String queueUrl();

    String counterUrl();

    String slaUrl();

    /**
     * The marketing service, whose counter screen the clerks read and whose outcome API they record the customers'
     * answers to offers with; unset: the clerks record no offer outcomes.
     */
    Optional<String> marketingUrl();

    /** Branches created in addition to the seeded demo ones. */
    @WithDefault("1")
    int extraBranches();

    /** Customers per hour per branch at profile factor 1. */
    @WithDefault("45")
    double arrivalsPerHour();

    /**
     * Customers per branch over a whole day; when set, replaces {@link #arrivalsPerHour()} with
     * the base rate that gives this many over the day's profile (the scale benchmark's 600).
     */
    Optional<Double> ticketsPerDay();

    /** Counters of each created branch (the seeded demo halls keep theirs). */
    @WithDefault("4")
    int countersPerBranch();

    /**
     * Worker threads that run the simulated people's steps and the continuations of their
     * asynchronous REST calls. The calls do not hold a thread while the platform answers, so a
     * few suffice for 1,000 branches; how many calls are in flight is the budgets' business
     * ({@link #kioskCalls()}, {@link #clerkCalls()}, {@link #dutyManagerCalls()}).
     */
    @WithDefault("4")
    int threads();

    /** Threads making the blocking set-up calls (branches, counters, rosters, clerks signing in), before the day starts. */
    @WithDefault("8")
    int setupThreads();

    /** Ticket calls (all kiosks together) in flight at once; further ones wait their turn (see {@link #callWait()}). */
    @WithDefault("64")
    int kioskCalls();

    /** Counter calls (all clerks together) in flight at once. */
    @WithDefault("64")
    int clerkCalls();

    /** Alert look-ups and acknowledgements (all duty managers together) in flight at once. */
    @WithDefault("16")
    int dutyManagerCalls();

    /**
     * How long (real time) a call may wait for room in its kind's budget before it is shed (not
     * sent, counted): a customer who cannot get a ticket in this time is a lost customer, not a
     * memory leak.
     */
    @WithDefault("2s")
    Duration callWait();

    /** Calls that may wait per kind of caller; more are shed at once. Bounds the simulator's memory. */
    @WithDefault("10000")
    int callLine();

    /**
     * How long an idle clerk waits at most before asking for the next customer again: 30 simulated
     * seconds after the first empty answer, doubling to this (see {@link IdleBackoff}); 30s keeps
     * the old fixed interval.
     */
    @WithDefault("2m")
    Duration clerkIdleRecheckMax();

    /** How often (real time) each duty manager looks at the branch's open alerts. */
    @WithDefault("1s")
    Duration dutyManagerPoll();

    /** What the periodic summary prints: a line per branch (the demo) or one line of totals. */
    @WithDefault("per-branch")
    Summary summary();

    enum Summary {
        PER_BRANCH, TOTALS
    }

    @WithDefault("0.08")
    double vipShare();

    @WithDefault("0.04")
    double noShowShare();

    /** Share of a clerk's calls that serve a walk-in instead (a customer without a ticket: issue 25). */
    @WithDefault("0.02")
    double walkInShare();

    /** Share of a clerk's calls that call a chosen waiting ticket ahead of its turn (an elderly customer, say). */
    @WithDefault("0.02")
    double outOfOrderShare();

    /** Share of services parked back into the queue part-way (the customer fetches a document) and called again later. */
    @WithDefault("0.02")
    double parkShare();

    /**
     * Share of customers with more than three people ahead who leave a (made-up) mobile number at the kiosk for the
     * "your turn is near" text: the consent at the queue, the number at the monitor (issue 25).
     */
    @WithDefault("0.05")
    double turnNoticeShare();

    /**
     * Share of arriving customers who took a remote ticket online 5–50 simulated minutes before they came, and check in
     * with its code at the kiosk (issue 25, item 5).
     */
    @WithDefault("0.04")
    double remoteTicketShare();

    /** Share of remote tickets never checked in: the customer does not come, the queue cancels the ticket after its hour. */
    @WithDefault("0.1")
    double remoteNoCheckInShare();

    /** Appointments booked per branch per simulated hour (BROADBAND and NEW_LINE, where offered; issue 25, item 6); 0: none. */
    @WithDefault("3")
    double appointmentsPerHour();

    /** Share of booked appointments nobody comes to. */
    @WithDefault("0.1")
    double appointmentNoShowShare();

    /**
     * Share of customers who, told at the kiosk that their wait will pass the limit and offered a
     * nearby branch that is sooner, cancel their ticket and go there.
     */
    @WithDefault("0.3")
    double adviceTakenShare();

    @WithDefault("5s")
    Duration summaryInterval();

    /** Customers per hour per branch at profile factor 1, from whichever of the two is set. */
    default double baseArrivalsPerHour() {
        return ticketsPerDay().map(ArrivalProfile::basePerHour).orElse(arrivalsPerHour());
    }

    /** Share of alerts the duty manager acknowledges within minutes; the rest escalate to the area manager. */
    @WithDefault("0.8")
    double ackShare();

    @WithDefault("20261124")
    long seed();

    /** Issuer and audience of the tokens it mints; the services verify the same values. */
    @WithDefault("https://hallwatch.local/auth")
    String tokenIssuer();

    @WithDefault("hallwatch")
    String tokenAudience();
}
