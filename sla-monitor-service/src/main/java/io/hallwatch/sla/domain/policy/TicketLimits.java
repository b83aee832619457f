package io.hallwatch.sla.domain.policy;

import java.time.Duration;

/**
 * The limits one ticket is judged by, resolved once from the policy version it was issued under.
 * The wait is judged against the business type the ticket was issued for, the handling against
 * the business type actually being served.
 */
public record TicketLimits(int policyVersion, Duration waitLimit, double waitWarningFraction,
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
