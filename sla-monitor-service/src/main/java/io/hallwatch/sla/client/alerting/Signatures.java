package io.hallwatch.sla.client.alerting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The providers' signatures, as plain functions. */
public final class Signatures {
    private Signatures() {
    }

    public static byte[] hmacSha256(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DingTalk: Base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded for the query. */
    public static String dingTalk(String secret, long timestampMillis) {
        String sign = Base64.getEncoder().encodeToString(hmacSha256(secret, timestampMillis + "\n" + secret));
        return URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }

    /** SMS gateway and generic webhook: hex HmacSHA256(secret, timestamp + "." + body). */
    public static String bodySignature(String secret, long timestampSeconds, String body) {
        return HexFormat.of().formatHex(hmacSha256(secret, timestampSeconds + "." + body));
    }
}
