package io.hallwatch.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** "Your turn is near" ({@code hallwatch.turn-notice.*}): the SMS sender over {@code turn_notice_contact}. */
@ConfigMapping(prefix = "hallwatch.turn-notice")
public interface NoticeConfig {

    /** Run the sender and the retention (the consumer still records what it hears, and the API still takes numbers). */
    @WithDefault("true")
    boolean enabled();

    /** How often due notices are looked for (a due notice also wakes the sender at once). */
    @WithDefault("1s")
    Duration sendInterval();

    /** Notices sent per round at most, each in its own transaction. */
    @WithDefault("20")
    int batch();

    /** Attempts on the SMS gateway before giving up (a refused request gives up at once). */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** The gateway's pre-approved template for the turn notice: "您的{1}号前面还有{2}位，请留意叫号。". */
    @WithDefault("TURN_NEAR")
    String smsTemplateId();

    /** Rows (and a number never sent, e.g. a ticket that ended unseen) are deleted this long after they were made. */
    @WithDefault("PT12H")
    Duration retention();
}
