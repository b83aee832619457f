package io.hallwatch.common.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;

/**
 * The parser Quarkus' bearer-token authentication uses, in front of SmallRye's own: a request
 * whose token was verified a moment ago skips the signature check ({@link VerifiedTokens});
 * everything else, and every other way of parsing, is SmallRye's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {
    private final DefaultJWTParser verifier;
    private final VerifiedTokens verified;

    CachingJwtParser(DefaultJWTParser verifier, TokenCacheConfig config, MeterRegistry registry) {
        this.verifier = verifier;
        this.verified = config.size() > 0 ? new VerifiedTokens(config.size(), config.maxAge(), Clock.systemUTC()) : null;
        if (verified != null) {
            CaffeineCacheMetrics.monitor(registry, verified.cache(), "verified-tokens");
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null || token == null) {
            return verifier.parse(token);
        }
        JsonWebToken jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifier.parse(token);
            verified.put(token, jwt);
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
