package io.hallwatch.marketing.domain.recommendation;

import java.time.Duration;

/**
 * How much marketing a customer puts up with: at most {@code cap} contacts per {@code window}; an
 * offer declined {@code maxDeclines} times within {@code declineWindow} is not offered again; an
 * offer scoring under {@code minScore} is not worth the customer's time.
 */
public record ContactRules(int cap, Duration window, int maxDeclines, Duration declineWindow, int minScore) {
    public ContactRules {
        if (cap < 1 || maxDeclines < 1 || window.isNegative() || window.isZero()
                || declineWindow.isNegative() || declineWindow.isZero()) {
            throw new IllegalArgumentException("contact rules need a positive cap, decline limit and windows");
        }
    }
}
