package io.hallwatch.web.service.signin;

import io.hallwatch.web.config.WebConfig;
import io.hallwatch.web.domain.signin.SignInForm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The development sign-in's tokens: the launcher's claims ({@code deploy/local/JwtKeys.java}: issuer,
 * audience, sub/upn, groups, branches, one jti), signed RS256 with {@code smallrye.jwt.sign.key.location}.
 * Only used when {@code hallwatch.web.dev-sign-in.enabled}; production signs people in at an OpenID
 * Connect provider that issues the same claims.
 */
@ApplicationScoped
public class DevTokens {
    private final WebConfig config;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    DevTokens(WebConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
              @ConfigProperty(name = "mp.jwt.verify.audiences") String audience, Clock clock) {
        this.config = config;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    public boolean enabled() {
        return config.devSignIn().enabled();
    }

    public String mint(SignInForm form) {
        if (!enabled()) {
            throw new IllegalStateException("development sign-in is off");
        }
        long now = clock.instant().getEpochSecond();
        return Jwt.issuer(issuer).audience(audience).subject(form.subject()).upn(form.subject())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now + config.devSignIn().tokenLifetime().toSeconds())
                .groups(Set.of(form.role())).claim("branches", form.branches())
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
    }

    /** How long the cookie lives: as long as the token. */
    public int lifetimeSeconds() {
        return (int) config.devSignIn().tokenLifetime().toSeconds();
    }
}
