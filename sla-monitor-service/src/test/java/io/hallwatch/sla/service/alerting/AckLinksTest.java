package io.hallwatch.sla.service.alerting;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckLinksTest {
    @Test
    void an_ack_link_signature_is_short_and_bound_to_alert_person_and_expiry() {
        String sig = AckLinks.sign("s", "alert-1", "dm", 1000);
        assertEquals(32, sig.length());
        Instant now = Instant.ofEpochSecond(999);
        assertTrue(AckLinks.valid("s", "alert-1", "dm", 1000, sig, now));
        assertFalse(AckLinks.valid("s", "alert-1", "dm", 1000, sig, now.plusSeconds(1)), "expired at exp");
        assertFalse(AckLinks.valid("s", "alert-1", "area", 1000, sig, now));
        assertFalse(AckLinks.valid("s", "alert-2", "dm", 1000, sig, now));
        assertFalse(AckLinks.valid("s", "alert-1", "dm", 1001, sig, now));
        assertFalse(AckLinks.valid("t", "alert-1", "dm", 1000, sig, now));
    }
}
