package io.hallwatch.sla.service.alerting;

import io.hallwatch.sla.client.alerting.Signatures;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Signed, expiring one-click acknowledgement links: HMAC-SHA256 over alert, person and expiry. That
 * each works once is the store's part ({@code alert_ack_token}).
 */
public final class AckLinks {
    private AckLinks() {
    }

    /** 128 bits of the HMAC, hex: unguessable, and short enough for an SMS. */
    public static String sign(String secret, String alertId, String by, long expiresEpochSecond) {
        return HexFormat.of().formatHex(Signatures.hmacSha256(secret, alertId + "|" + by + "|" + expiresEpochSecond), 0, 16);
    }

    public static String link(String base, String secret, String alertId, String by, Instant expires) {
        long exp = expires.getEpochSecond();
        return base + "/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "/ack-link?by="
                + URLEncoder.encode(by, StandardCharsets.UTF_8) + "&exp=" + exp + "&sig=" + sign(secret, alertId, by, exp);
    }

    /** Whether the signature is right and the link not expired at {@code now}. */
    public static boolean valid(String secret, String alertId, String by, long exp, String sig, Instant now) {
        if (sig == null || now.getEpochSecond() >= exp) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, alertId, by, exp).getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8));
    }
}
