package io.hallwatch.sla.domain.alerting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnroutedWarningsTest {
    @Test
    void an_unrouted_branch_is_warned_about_once_per_interval() {
        UnroutedWarnings w = new UnroutedWarnings(Duration.ofHours(1));
        Instant t = Instant.parse("2026-11-24T03:00:00Z");
        assertTrue(w.shouldWarn("B1", t));
        assertFalse(w.shouldWarn("B1", t.plusSeconds(10)));
        assertTrue(w.shouldWarn("B2", t.plusSeconds(10)), "another branch has its own line");
        assertFalse(w.shouldWarn("B1", t.plus(Duration.ofMinutes(59))));
        assertTrue(w.shouldWarn("B1", t.plus(Duration.ofHours(1))));
        assertFalse(w.shouldWarn("B1", t.plus(Duration.ofMinutes(61))));
    }
}
