package io.hallwatch.counter.client;

import java.time.Duration;
import java.time.Instant;

/**
 * When a cached service token must be replaced: once less than a quarter of its life is left, so
 * a request never leaves with a token that expires on the way or within the verifier's clock skew.
 */
final class TokenRenewal {
    private TokenRenewal() {
    }

    static boolean due(Instant expiresAt, Duration lifetime, Instant now) {
        return expiresAt == null || !now.isBefore(expiresAt.minus(lifetime.dividedBy(4)));
    }
}
