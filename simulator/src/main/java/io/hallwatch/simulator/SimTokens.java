package io.hallwatch.simulator;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The simulator's callers' tokens, minted with the launcher's private key
 * ({@code smallrye.jwt.sign.key.location}): an admin for setting up branches, and per branch the
 * hall floor (kiosk and the duty manager's status board), the online hall and the clerks. Each is renewed when a
 * quarter of its life is left. Wall-clock times: the services check expiry against real time,
 * not the simulated day.
 */
final class SimTokens {
    private static final Duration LIFETIME = Duration.ofHours(1);

    private record Minted(String bearer, Instant expiresAt) {
    }

    private final String issuer;
    private final String audience;
    private final Map<String, Minted> cache = new ConcurrentHashMap<>();

    SimTokens(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
    }

    Supplier<String> admin() {
        return () -> bearer("simulator-admin", Set.of("admin"), "*");
    }

    Supplier<String> floor(String branchId) {
        return () -> bearer("kiosk-" + branchId, Set.of("kiosk", "duty-manager"), branchId);
    }

    /** The operator's online hall (mini-program, app) acting for the branch's customers before they come. */
    Supplier<String> onlineHall(String branchId) {
        return () -> bearer("online-hall-" + branchId, Set.of("online-hall"), branchId);
    }

    Supplier<String> clerk(String branchId) {
        return () -> bearer("clerks-" + branchId, Set.of("clerk"), branchId);
    }

    private String bearer(String subject, Set<String> roles, String branch) {
        return cache.compute(subject, (k, m) -> {
            Instant now = Instant.now();
            if (m != null && now.isBefore(m.expiresAt().minus(LIFETIME.dividedBy(4)))) {
                return m;
            }
            Instant expires = now.plus(LIFETIME);
            String jwt = Jwt.issuer(issuer).audience(audience).subject(subject).upn(subject).groups(roles)
                    .claim("branches", List.of(branch)).issuedAt(now).expiresAt(expires).sign();
            return new Minted("Bearer " + jwt, expires);
        }).bearer();
    }
}
