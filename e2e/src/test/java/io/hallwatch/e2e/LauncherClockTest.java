package io.hallwatch.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's one platform clock, asked of the real script: kept in its state folder while anything it started
 * runs (so a process started again gets the same real start and epoch, whatever the environment asks), new for a
 * platform that starts from nothing, forgotten by {@code ./hallwatch stop}. {@link DemoPlatformIT} restarts a real
 * monitor on it.
 */
class LauncherClockTest {
    private static final String STALE = "CLOCK_SCALE=60\nCLOCK_REAL_START=2020-01-01T00:00:00Z\nCLOCK_EPOCH=2020-01-01T01:00:00Z\n";
    private Process running;

    @AfterEach
    void stopTheStandIn() {
        if (running != null) {
            running.destroyForcibly();
        }
    }

    @Test
    void a_platform_that_starts_from_nothing_gets_a_new_clock_at_the_demo_days_nine_oclock() throws Exception {
        Launcher launcher = Launcher.fresh("launcher-clock-new");
        Files.writeString(launcher.clockFile(), STALE); // left by a platform that is gone (killed, rebooted)
        Launcher.Clock clock = launcher.clock();
        assertEquals(60.0, clock.scale());
        assertNotEquals("2020-01-01T00:00:00Z", clock.realStart(), "nothing runs: the stale clock must not be reused");
        assertTrue(clock.epoch().endsWith("T01:00:00Z"), "09:00 in Guangzhou: " + clock.epoch());
        assertTrue(Files.readString(launcher.clockFile()).contains("CLOCK_REAL_START=" + clock.realStart()));
        assertEquals(Map.of("hallwatch.clock.scale", "60", "hallwatch.clock.real-start", clock.realStart(),
                "hallwatch.clock.epoch", clock.epoch()), clock.properties());

        Launcher.Clock realTime = launcher.clock(Map.of("HALLWATCH_CLOCK_SCALE", "1"));
        assertEquals(Map.of("hallwatch.clock.scale", "1"), realTime.properties(), "at scale 1 the services read the system clock");
    }

    @Test
    void while_anything_it_started_runs_every_start_gets_the_running_platforms_clock_and_stop_forgets_it() throws Exception {
        Launcher launcher = Launcher.fresh("launcher-clock-kept");
        Files.writeString(launcher.clockFile(), STALE);
        // Something the launcher started still runs (any process will do for its pid file).
        running = new ProcessBuilder("sleep", "300").start();
        launcher.recordPid("queue-service", running.pid());

        Launcher.Clock kept = launcher.clock(Map.of("HALLWATCH_CLOCK_SCALE", "10", "HALLWATCH_CLOCK_EPOCH", "2030-05-05T01:00:00Z"));
        assertEquals(new Launcher.Clock(60, "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"), kept,
                "a process started while the platform runs must show the platform's time");
        assertTrue(launcher.run(Map.of(), "status").contains("60x, real start 2020-01-01T00:00:00Z"));

        launcher.run(Map.of(), "stop");
        assertTrue(running.waitFor(15, TimeUnit.SECONDS), "stop ends what the launcher started");
        assertFalse(Files.exists(launcher.clockFile()), "nothing runs any more: the clock is forgotten");
        assertNotEquals("2020-01-01T00:00:00Z", launcher.clock().realStart());
    }
}
