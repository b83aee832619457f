package io.hallwatch.common.security;

import io.hallwatch.testsupport.MutableClock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class VerifiedTokensTest {
    private final MutableClock clock = new MutableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);

    @Test
    void a_verified_token_is_reused_until_its_expiry() {
        JsonWebToken jwt = expiringAt(clock.instant().plusSeconds(120));
        tokens.put("a.b.c", jwt);
        assertSame(jwt, tokens.get("a.b.c"));
        clock.advance(Duration.ofSeconds(119));
        assertSame(jwt, tokens.get("a.b.c"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(tokens.get("a.b.c"), "expired: the verifier must see it again and refuse it");
    }

    @Test
    void a_long_lived_token_is_verified_again_after_the_max_age() {
        JsonWebToken jwt = expiringAt(clock.instant().plus(Duration.ofDays(30)));
        tokens.put("a.b.c", jwt);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertSame(jwt, tokens.get("a.b.c"));
        clock.advance(Duration.ofMillis(1));
        assertNull(tokens.get("a.b.c"));
    }

    @Test
    void only_the_exact_token_matches() {
        tokens.put("a.b.c", expiringAt(clock.instant().plusSeconds(120)));
        assertNull(tokens.get("a.b.d"), "another signature is another token");
        assertNull(tokens.get("a.b.c "));
    }

    @Test
    void tokens_without_expiry_or_already_expired_are_not_kept() {
        tokens.put("no-exp", expiringAt(null));
        tokens.put("old", expiringAt(clock.instant().minusSeconds(1)));
        assertNull(tokens.get("no-exp"));
        assertNull(tokens.get("old"));
    }

    private static JsonWebToken expiringAt(Instant exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "kiosk";
            }

            @Override
            public Set<String> getClaimNames() {
                return exp == null ? Set.of() : Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) && exp != null ? (T) Long.valueOf(exp.getEpochSecond()) : null;
            }
        };
    }
}
