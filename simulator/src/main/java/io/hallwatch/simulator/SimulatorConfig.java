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
     * Threads that make the REST calls (kiosks, clerks, duty managers); the calls block, so
     * 1,000 branches need more than the demo's handful.
     */
    @WithDefault("4")
    int threads();

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
