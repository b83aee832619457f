package io.hallwatch.simulator;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DutyManagerSimTest {
    private static final Instant CREATED = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void an_acknowledgement_comes_before_the_escalation_would_and_a_share_of_alerts_is_missed() {
        Random random = new Random(7);
        int acked = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            Optional<Instant> at = DutyManagerSim.ackAt(CREATED, 0.8, random);
            if (at.isPresent()) {
                acked++;
                assertTrue(!at.get().isBefore(CREATED.plus(DutyManagerSim.FASTEST)) && !at.get().isAfter(CREATED.plus(DutyManagerSim.SLOWEST)), at.get().toString());
                assertTrue(at.get().isBefore(CREATED.plusSeconds(300)), "before the monitor's 5-minute escalation");
            }
        }
        assertEquals(0.8, acked / (double) n, 0.02);
        assertTrue(DutyManagerSim.ackAt(CREATED, 0, random).isEmpty());
        assertTrue(DutyManagerSim.ackAt(CREATED, 1, random).isPresent());
    }

    @Test
    void the_acknowledging_duty_manager_is_the_one_on_shift() {
        String tag = DemoRoster.tag("GZ-TH-001");
        assertEquals("dm-am-gzth001", DemoRoster.onDuty(tag, LocalTime.of(9, 0)));
        assertEquals("dm-am-gzth001", DemoRoster.onDuty(tag, LocalTime.of(12, 59)));
        assertEquals("dm-pm-gzth001", DemoRoster.onDuty(tag, LocalTime.of(13, 0)));
    }
}
