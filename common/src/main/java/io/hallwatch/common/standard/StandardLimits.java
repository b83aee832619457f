package io.hallwatch.common.standard;

import java.time.Duration;

/**
 * The limits one ticket is judged by under one version of the service standard. The wait is judged
 * against the business type the ticket was issued for, the handling against the one being served.
 */
public record StandardLimits(int version, Duration waitLimit, double waitWarningFraction,
                             Duration handlingLimit, double handlingWarningFraction) {

    public Duration waitWarningAfter() {
        return fraction(waitLimit, waitWarningFraction);
    }

    public Duration handlingWarningAfter() {
        return fraction(handlingLimit, handlingWarningFraction);
    }

    private static Duration fraction(Duration limit, double fraction) {
        return Duration.ofMillis(Math.round(limit.toMillis() * fraction));
    }
}
