package io.hallwatch.testsupport.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 tokens the way the platform's issuer does, and every way it must not: expired, from
 * another issuer, for another audience, signed by a stranger's key. Times are wall-clock: the
 * services check expiry against the real clock, not the scaled platform clock.
 * <pre>{@code Tokens.role("kiosk").branches("B1").bearer()}</pre>
 */
public final class Tokens {
    public static final String ISSUER = "https://hallwatch.local/auth";
    public static final String AUDIENCE = "hallwatch";
    public static final List<String> ALL_ROLES = List.of("kiosk", "clerk", "duty-manager", "manager", "admin", "online-hall", "service");

    private String subject = "test-user";
    private List<String> roles = new ArrayList<>();
    private List<String> branches = List.of("*");
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofHours(1);
    private PrivateKey key;

    private Tokens() {
    }

    public static Tokens role(String... roles) {
        Tokens t = new Tokens();
        t.roles = List.of(roles);
        return t;
    }

    /** Every role, every branch: the default token of the functional tests. */
    public static Tokens allAccess() {
        return role(ALL_ROLES.toArray(String[]::new)).subject("test-all-access");
    }

    public Tokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public Tokens branches(String... branches) {
        this.branches = List.of(branches);
        return this;
    }

    public Tokens noBranchClaim() {
        this.branches = null;
        return this;
    }

    public Tokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public Tokens audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** Issued two hours ago, valid for one: expired an hour ago, well past any clock skew. */
    public Tokens expired() {
        this.issuedAt = Instant.now().minus(Duration.ofHours(2));
        this.lifetime = Duration.ofHours(1);
        return this;
    }

    public Tokens lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** Signed with a key the services do not trust. */
    public Tokens badSignature() {
        this.key = TestKeys.stranger().getPrivate();
        return this;
    }

    public String bearer() {
        return "Bearer " + jwt();
    }

    public String jwt() {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        StringBuilder claims = new StringBuilder("{");
        claims.append("\"iss\":").append(quote(issuer))
                .append(",\"aud\":").append(quote(audience))
                .append(",\"sub\":").append(quote(subject))
                .append(",\"upn\":").append(quote(subject))
                .append(",\"jti\":").append(quote(UUID.randomUUID().toString()))
                .append(",\"iat\":").append(issuedAt.getEpochSecond())
                .append(",\"exp\":").append(issuedAt.plus(lifetime).getEpochSecond())
                .append(",\"groups\":").append(array(roles));
        if (branches != null) {
            claims.append(",\"branches\":").append(array(branches));
        }
        claims.append('}');
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key != null ? key : TestKeys.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims (JSON) of a bearer token signed with the test key pair by RS256, or null when it
     * is missing, malformed or signed by another key: what a stub standing in for a Hallwatch
     * service checks before it answers.
     */
    public static String verifiedClaims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(TestKeys.publicKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String array(List<String> values) {
        return values.stream().map(Tokens::quote).collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
