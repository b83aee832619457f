package io.hallwatch.counter.client;

import io.hallwatch.common.security.BranchScope;
import io.hallwatch.common.security.Roles;
import io.hallwatch.counter.config.CounterConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The counter-service's own short-lived token for the queue-service: role {@code service}, every
 * branch, signed with the key at {@code smallrye.jwt.sign.key.location}, issuer and audience the
 * same the services verify. Minted once and reused until {@link TokenRenewal} says it is due. Its
 * times come from the wall clock, not the platform clock: the queue-service checks expiry against
 * real time, and a 60x demo clock would make every token look issued in the future.
 */
@ApplicationScoped
public class ServiceToken {
    static final String SUBJECT = "counter-service";

    private final Clock wallClock = Clock.systemUTC();
    private final CounterConfig config;
    private final String issuer;
    private final String audience;
    private String token;
    private Instant expiresAt;

    ServiceToken(CounterConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                 @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.config = config;
        this.issuer = issuer;
        this.audience = audience.split(",")[0].trim();
    }

    public synchronized String bearer() {
        Instant now = wallClock.instant();
        if (TokenRenewal.due(expiresAt, config.serviceTokenLifetime(), now)) {
            expiresAt = now.plus(config.serviceTokenLifetime());
            token = Jwt.issuer(issuer).audience(audience).subject(SUBJECT).upn(SUBJECT)
                    .groups(Set.of(Roles.SERVICE)).claim(BranchScope.CLAIM, List.of(BranchScope.EVERY_BRANCH))
                    .issuedAt(now).expiresAt(expiresAt).sign();
        }
        return "Bearer " + token;
    }
}
