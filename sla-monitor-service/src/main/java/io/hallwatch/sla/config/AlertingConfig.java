package io.hallwatch.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Duty-manager alerting ({@code hallwatch.alerting.*}); the channels' providers are under {@code channels}. */
@ConfigMapping(prefix = "hallwatch.alerting")
public interface AlertingConfig {

    @WithDefault("true")
    boolean enabled();

    /** Further breaches of a branch within this window after its page go out as one follow-up. */
    @WithDefault("30s")
    Duration groupWindow();

    /** Unacknowledged this long → the next level of the chain. */
    @WithDefault("5m")
    Duration escalateAfter();

    /** Opening hours where a branch's roster gives none of its own (every day). */
    @WithDefault("09:00")
    LocalTime opens();

    @WithDefault("18:00")
    LocalTime closes();

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    @WithDefault("3")
    int maxAttemptsPerChannel();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** Public base URL of this service for the one-click acknowledgement link; without it (or the secret) no link. */
    Optional<String> ackLinkBase();

    /** Signs the acknowledgement links (HMAC-SHA256). */
    Optional<String> ackLinkSecret();

    /** How long an acknowledgement link works. */
    @WithDefault("PT1H")
    Duration ackLinkTtl();

    /** How often the dispatcher looks for due sends, follow-ups and escalations (a new page wakes it at once). */
    @WithDefault("100ms")
    Duration dispatchInterval();

    /**
     * How long a sender's claim on a notification lasts: past it (a sender that died mid-send) the
     * notification is due again. Longer than a send can take ({@code channels.timeout}) in real time,
     * also on a scaled demo clock.
     */
    @WithDefault("2m")
    Duration deliveryLease();

    /**
     * How long the alerting tables keep an alert's day (its breaches, notifications, delivery log and used links with
     * it; {@code hallwatch.retention.keep.<table>} sets one table apart), and how long an ended silence is kept.
     */
    @WithDefault("P90D")
    Duration retention();

    /** How often the silences' retention job runs (real time; what it deletes is judged on the platform clock). */
    @WithDefault("1h")
    Duration retentionInterval();

    /** At most one warning line per branch this often about breaches nobody could be paged for. */
    @WithDefault("1h")
    Duration unroutedWarningEvery();
}
