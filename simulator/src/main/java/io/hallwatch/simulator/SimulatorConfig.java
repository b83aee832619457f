package io.hallwatch.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    @WithDefault("0.08")
    double vipShare();

    @WithDefault("0.04")
    double noShowShare();

    @WithDefault("5s")
    Duration summaryInterval();

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
