package io.hallwatch.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bearer tokens whose signature and claims were verified a moment ago. A kiosk or a counter
 * terminal sends the same token with every request, and checking its RS256 signature again each
 * time was a fifth of the queue-service's CPU at 200 tickets a second (bench/README.md, 1). The
 * key is the whole token, signature included, so only the very bytes that passed are accepted
 * again, and only until the token's own expiry or {@code maxAge} after they passed, whichever
 * comes first: a token does not live longer than it would without the cache. Tokens that fail are
 * never kept, so they are checked in full every time. Wall-clock time, not the platform's scaled
 * clock: token expiry is real time, as the verifier itself reads it.
 */
public final class VerifiedTokens {
    private record Verified(JsonWebToken jwt, Instant until) {
    }

    private final Cache<String, Verified> cache;
    private final Duration maxAge;
    private final Clock clock;

    public VerifiedTokens(int size, Duration maxAge, Clock clock) {
        this.cache = Caffeine.newBuilder().maximumSize(size).recordStats().build();
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The token verified earlier and still within its time, or null. */
    public JsonWebToken get(String token) {
        Verified verified = cache.getIfPresent(token);
        if (verified == null) {
            return null;
        }
        if (!clock.instant().isBefore(verified.until())) {
            cache.invalidate(token);
            return null;
        }
        return verified.jwt();
    }

    /** Keeps a token that has just passed verification; one without an expiry is not kept. */
    public void put(String token, JsonWebToken jwt) {
        if (!(jwt.getClaim("exp") instanceof Number exp)) {
            return;
        }
        Instant now = clock.instant();
        Instant until = Instant.ofEpochSecond(exp.longValue());
        Instant latest = now.plus(maxAge);
        if (latest.isBefore(until)) {
            until = latest;
        }
        if (now.isBefore(until)) {
            cache.put(token, new Verified(jwt, until));
        }
    }

    Cache<String, ?> cache() {
        return cache;
    }
}
