package io.hallwatch.marketing.config;

import io.hallwatch.marketing.domain.recovery.RecoveryGesture;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The marketing service's own settings. Every number is a default from the operator manuals
 * (domain.md, "Active marketing") that a branch may override under {@code branches.<branchId>}.
 */
@ConfigMapping(prefix = "hallwatch.marketing")
public interface MarketingConfig {

    /** The branches' local time zone: offer validity and campaign dates are local dates. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Pitch pitch();

    Contact contact();

    FollowUp followUp();

    Recovery recovery();

    Load load();

    Imports imports();

    Metrics metrics();

    /** Per-branch overrides, keyed by branch id. */
    Map<String, Branch> branches();

    interface Pitch {
        /** From this many customers waiting, the hall is busy: one sentence instead of the script (忙时一句话). */
        @WithDefault("8")
        int busyThreshold();

        /** Time budget of the one-sentence pitch when the hall is just busy. */
        @WithDefault("20")
        int shortSeconds();

        /** The budget never shrinks below this, however long the queue. */
        @WithDefault("10")
        int minShortSeconds();

        /** Time budget of the full script and demo in a quiet hall (闲时一段话). */
        @WithDefault("120")
        int fullSeconds();

        /** Below this score no offer is made: a weak fit is worse than none. */
        @WithDefault("20")
        int minScore();
    }

    interface Contact {
        /** At most this many marketing contacts per customer within {@link #window()}. */
        @WithDefault("3")
        int cap();

        @WithDefault("P30D")
        Duration window();

        /** An offer declined this many times within {@link #declineWindow()} is not offered again. */
        @WithDefault("2")
        int maxDeclines();

        @WithDefault("P90D")
        Duration declineWindow();
    }

    interface FollowUp {
        /** A customer who showed interest is called back after this long (二次营销). */
        @WithDefault("P3D")
        Duration dueAfter();
    }

    interface Recovery {
        /** The gesture offered to a customer who waited too long, unless the branch sets its own. */
        @WithDefault("PRIORITY_TICKET_NEXT_VISIT")
        RecoveryGesture gesture();
    }

    interface Load {
        /** A ticket still "waiting" after this long was abandoned without an event (closing time): not counted. */
        @WithDefault("PT8H")
        Duration staleAfter();
    }

    interface Imports {
        /** Rows per customer import request; the CRM sends larger extracts in several requests. */
        @WithDefault("10000")
        int maxRows();
    }

    interface Metrics {
        /** The conversion-rate gauge looks back this far. */
        @WithDefault("P30D")
        Duration conversionWindow();
    }

    interface Branch {
        Optional<Integer> busyThreshold();

        Optional<RecoveryGesture> recoveryGesture();
    }
}
