package io.hallwatch.counter.domain.counter;

import java.time.Instant;

/**
 * How long a service has run against its business type's limit. Once past the limit the counter
 * screen prompts the clerk to explain the delay, ask the customer's consent and apologise, as the
 * service standard asks.
 */
public record Handling(long seconds, int limitSeconds) {
    public static final String OVER_LIMIT_PROMPT = "已超过办理时限：请向客户说明原因、征得同意并致歉。";

    public static Handling of(CalledCustomer inService, Instant now, int limitSeconds) {
        return new Handling(inService.handlingSecondsAt(now), limitSeconds);
    }

    public boolean overLimit() {
        return seconds > limitSeconds;
    }

    /** The prompt to show, or {@code null} while within the limit. */
    public String prompt() {
        return overLimit() ? OVER_LIMIT_PROMPT : null;
    }
}
